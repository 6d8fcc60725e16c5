// Report page: an async function that calls a sync template helper of another module. The read is reported
// where it is and at the route's call of this function; this call is a hop between them.
import { loadTemplate } from './templates';

export async function renderReport(id: string): Promise<string> {
  const tpl = loadTemplate('report.html');
  return tpl.replace('{{id}}', id);
}
