/** Escapes text for HTML content and attribute values. */
export const esc = (text: string) =>
  text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');

/** The look of every report page: readable on screen, charts whole on paper. */
export const REPORT_STYLE = `body{font:15px/1.5 system-ui,sans-serif;color:#1f2328;max-width:920px;margin:2rem auto;padding:0 1rem}
h1{font-size:1.6rem;margin-bottom:.2rem}.sub{color:#57606a;margin-top:0}.headline{font-size:1.3rem}
figure{margin:1.5rem 0}figcaption{font-weight:600;margin:.3rem 0}table{border-collapse:collapse;font-size:.9rem}
td,th{padding:.15rem .6rem;text-align:left;border-bottom:1px solid #d0d7de}pre{background:#f6f8fa;padding:.8rem;overflow:auto;font-size:.8rem;white-space:pre-wrap}
svg{max-width:100%;height:auto}@media print{figure{break-inside:avoid}}`;
