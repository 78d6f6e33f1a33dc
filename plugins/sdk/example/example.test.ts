import { runChannelPluginConformance } from '../testing/index.ts';
import { acmeHarness } from './testing/harness.ts';

runChannelPluginConformance('acme-sms (the example plugin)', () => acmeHarness());
