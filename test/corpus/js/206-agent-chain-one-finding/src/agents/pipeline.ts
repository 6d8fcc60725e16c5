// Orchestrator: awaits the agents one after another (async hops of the chain, not defects of their own).
import { draftOutline } from './outline';
import { writeSections } from './writer';

export async function runPipeline(topic: string): Promise<string> {
  const outline = await draftOutline(topic);
  const sections = await writeSections(topic, outline);
  return sections.join('\n\n');
}
