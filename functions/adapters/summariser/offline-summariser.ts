// The Summariser port's default adapter: the extractive summariser (functions/domain/summarise), pure
// and deterministic, with no network and no cost. Also the fallback of the model-written summariser.
import { summarise } from '../../domain/summarise/summarise';
import type { Summariser } from '../../ports/summariser';

export const offlineSummariser: Summariser = {
  summarise: async (input, options) => ({ ...summarise(input, options), generator: 'offline' }),
};
