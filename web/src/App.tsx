import { useState } from 'react';
import { ErrorBoundary } from './components/ErrorBoundary.tsx';
import { ClassPage } from './tabletop/ClassPage.tsx';
import { IncidentsPage } from './pages/IncidentsPage.tsx';
import { ExercisePage } from './tabletop/ExercisePage.tsx';
import { ExercisesPage } from './tabletop/ExercisesPage.tsx';
import { PlayPage } from './tabletop/PlayPage.tsx';
import { GamePage } from './pages/GamePage.tsx';
import { RunPage } from './pages/RunPage.tsx';
import { RunsPage } from './pages/RunsPage.tsx';
import { SensitivityPage } from './pages/SensitivityPage.tsx';
import { TracePage } from './pages/TracePage.tsx';
import { WorkbenchPage, type EditorScenario } from './pages/WorkbenchPage.tsx';
import { routeHref } from './routing/route.ts';
import { useRoute } from './routing/use-route.ts';

/** The page for the current hash route, under a header with the two entry points. */
export function App() {
  const route = useRoute();
  // The workbench's scenario, so the sensitivity page can study the text being edited.
  const [editorScenario, setEditorScenario] = useState<EditorScenario | null>(null);
  return (
    <>
      <header className="top">
        <a className="brand" href={routeHref({ page: 'workbench' })}>
          Petrov
        </a>
        <span className="tagline">inadvertent nuclear use when AI enters command and control</span>
        <nav aria-label="main">
          <a
            href={routeHref({ page: 'workbench' })}
            aria-current={route.page === 'workbench' ? 'page' : undefined}
            data-testid="nav-workbench"
          >
            Scenario
          </a>
          <a
            href={routeHref({ page: 'runs' })}
            aria-current={route.page === 'runs' ? 'page' : undefined}
            data-testid="nav-runs"
          >
            Past runs
          </a>
          <a
            href={routeHref({ page: 'sensitivity' })}
            aria-current={route.page === 'sensitivity' ? 'page' : undefined}
            data-testid="nav-sensitivity"
          >
            Sensitivity
          </a>
          <a
            href={routeHref({ page: 'exercises' })}
            aria-current={
              route.page === 'exercises' || route.page === 'exercise' || route.page === 'class'
                ? 'page'
                : undefined
            }
            data-testid="nav-exercises"
          >
            Tabletop
          </a>
          <a
            href={routeHref({ page: 'game' })}
            aria-current={route.page === 'game' ? 'page' : undefined}
            data-testid="nav-game"
          >
            Delegation game
          </a>
          <a
            href={routeHref({ page: 'incidents' })}
            aria-current={route.page === 'incidents' ? 'page' : undefined}
            data-testid="nav-incidents"
          >
            Close calls
          </a>
        </nav>
      </header>
      <main>
        {/* Kept mounted while away, so the editor keeps its text and undo history. */}
        <div hidden={route.page !== 'workbench'}>
          <WorkbenchPage
            openRun={route.page === 'workbench' ? route.run : undefined}
            onScenario={setEditorScenario}
          />
        </div>
        {/* Keyed by the URL, so a fault on one page clears when the user goes elsewhere. */}
        <ErrorBoundary key={window.location.hash}>
          {route.page === 'runs' && <RunsPage />}
          {route.page === 'sensitivity' && <SensitivityPage editor={editorScenario} />}
          {route.page === 'game' && <GamePage />}
          {route.page === 'run' && <RunPage key={route.id} id={route.id} />}
          {route.page === 'exercises' && <ExercisesPage />}
          {route.page === 'exercise' && <ExercisePage key={route.id} id={route.id} />}
          {route.page === 'class' && <ClassPage key={route.name} name={route.name} />}
          {route.page === 'incidents' && <IncidentsPage />}
          {route.page === 'play' && <PlayPage />}
          {route.page === 'trace' && (
            <TracePage id={route.id} trial={route.trial} safeguards={route.safeguards} />
          )}
        </ErrorBoundary>
      </main>
      <footer>
        Stylized scenarios for analysis and teaching: no real targeting data. Every estimate is
        shown with its 95% interval.
      </footer>
    </>
  );
}
