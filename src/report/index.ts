export { columns, type Cell, type DataColumn, type DataTable } from './data-table.ts';
export { toCsv } from './csv.ts';
export { runTable } from './run-table.ts';
export { compareTable } from './compare-table.ts';
export { pathwaysTable } from './pathways-table.ts';
export { runsTable } from './runs-table.ts';
export { reportHtml, type ReportInput } from './report-html.ts';
export { reproduceCommand } from './reproduce-command.ts';
export { gameTable } from './game-table.ts';
