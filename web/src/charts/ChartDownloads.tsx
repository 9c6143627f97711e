import { useState, type RefObject } from 'react';
import { saveBlob } from '../api/download.ts';
import { pngBlob, svgText } from './chart-image.ts';

interface Props {
  /** The element Plot drew into. */
  readonly host: RefObject<HTMLDivElement | null>;
  /** File name without extension. */
  readonly name: string;
}

/** "SVG" and "PNG" buttons that save the chart as drawn; a failure is shown, never swallowed. */
export function ChartDownloads({ host, name }: Props) {
  const [problem, setProblem] = useState<string | null>(null);
  const svg = () => {
    const found = host.current?.querySelector('svg');
    if (!found) throw new Error('the chart is not drawn yet');
    return found;
  };
  const save = async (kind: 'svg' | 'png') => {
    setProblem(null);
    try {
      const blob =
        kind === 'svg'
          ? new Blob([svgText(svg())], { type: 'image/svg+xml' })
          : await pngBlob(svg());
      saveBlob(blob, `${name}.${kind}`);
    } catch (e) {
      setProblem(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <span className="chart-downloads">
      <button type="button" onClick={() => void save('svg')} data-testid={`${name}-svg`}>
        SVG
      </button>
      <button type="button" onClick={() => void save('png')} data-testid={`${name}-png`}>
        PNG
      </button>
      {problem && <span className="status error">{problem}</span>}
    </span>
  );
}
