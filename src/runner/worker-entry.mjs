// Worker threads cannot load .ts files directly; register tsx, then hand piscina the task function.
import { register } from 'tsx/esm/api';

register();
const { runChunkTask } = await import('./chunk-task.ts');
export default runChunkTask;
