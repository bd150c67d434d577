// `npm run build`: builds the default briefing through exactly the code behind `briefdeck build`.
import { runCli } from './src/cli.js';

process.exitCode = await runCli(['build', ...process.argv.slice(2)]);
