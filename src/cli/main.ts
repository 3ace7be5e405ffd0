/**
 * The command line. Exit codes: 0 all good, 1 some input failed, 2 usage error, 130/143 interrupted (SIGINT/SIGTERM).
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { readFileSync } from 'node:fs';
import { convert, runSingle, UsageError } from './convert.js';
import { defaultJobs } from './pool.js';
import { DEFAULT_PAGE_TIMEOUT_S } from '../ocr/types.js';
import { INPUT_EXTENSIONS } from '../backends/formats.js';
import { describeError, InputError } from '../util/errors.js';
import { dataPath } from '../util/paths.js';
import { installSignalHandlers } from './signals.js';
import type { RecordCommandOptions } from './records.js';
import { writeFileAtomic } from '../writers/atomic.js';
import { closeEngines, EngineUnavailableError, getEngine } from '../ocr/engine.js';

const version = (JSON.parse(readFileSync(dataPath('..', '..', 'package.json'), 'utf8')) as { version: string }).version;

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number ≥ 1');
  return n;
}

const ocrOption = () =>
  new Option('--ocr <mode>', 'OCR scanned PDF pages: auto (pages with no text layer or a damaged one), always, never').choices(['auto', 'always', 'never']).default('auto');
const engineOption = () =>
  new Option('--engine <engine>', 'OCR engine: auto (native tesseract with vie when installed, else tesseract.js), wasm, native').choices(['auto', 'wasm', 'native']).default('auto');

/** --engine native without a usable tesseract is a usage error, said once before any file. */
async function checkEngine(engine: string): Promise<void> {
  if (engine !== 'native') return;
  try {
    await getEngine('native', 1);
  } catch (err) {
    if (err instanceof EngineUnavailableError) throw new UsageError(`--engine native: ${err.message}`);
    throw err;
  }
}

const timeoutOption = () =>
  new Option('--timeout <seconds>', 'time limit per file: the file is reported as timed out (a long scan needs about 2–5 s per page)').argParser(positiveInt).default(1800);
const pageTimeoutOption = () =>
  new Option('--page-timeout <seconds>', "time limit per page for rendering and OCR (a quarter of it for reading the page's text layer): the page is skipped with a page-timeout warning, the rest of the document goes on").argParser(positiveInt).default(DEFAULT_PAGE_TIMEOUT_S);

const repairOption = () =>
  new Option('--repair <mode>', 'repair OCR-damaged text: auto (when the damage score says so), always, never').choices(['auto', 'always', 'never']).default('auto');

/** Options of the commands that read records or convert inputs first (export, agenda, report). */
function addRecordOptions(command: Command): Command {
  return command
    .option('--jobs <n>', 'inputs converted at once', positiveInt, defaultJobs())
    .addOption(repairOption())
    .addOption(ocrOption())
    .addOption(engineOption())
    .option('--timeout <seconds>', 'per-input time limit of the conversion', positiveInt, 1800)
    .option('-q, --quiet', 'no progress, only failures and errors', false)
    .option('--debug', 'print stack traces of failures', false);
}

function recordOptions(opts: Record<string, unknown>): RecordCommandOptions {
  return {
    jobs: opts.jobs as number,
    timeout: opts.timeout as number,
    quiet: opts.quiet as boolean,
    debug: opts.debug as boolean,
    extract: { repair: opts.repair as 'auto', ocr: opts.ocr as 'auto', engine: opts.engine as 'auto' },
  };
}

const RECORDS_ARGUMENT = 'records (.json, .yaml written by plan-extract) or inputs (.pdf, .docx, .doc, .txt, …; converted first), files or folders';

export function buildProgram(): Command {
  const program = new Command();
  // Options after a subcommand belong to it (`text x --repair never`), not to the main command.
  program
    .enablePositionalOptions()
    .name('plan-extract')
    .description('Turn Vietnamese government plan documents (Kế hoạch) into structured, validated records.')
    .version(version)
    .argument('<input...>', `files or folders (${INPUT_EXTENSIONS.join(', ')}; folders are walked recursively)`)
    .addOption(new Option('--format <format>', 'output format').choices(['yaml', 'json']).default('yaml'))
    .option('-o, --out <file|dir>', 'where to write: a file for one input, a folder for several')
    .option('--jobs <n>', 'files converted at once (pages OCR\'d at once for a single file)', positiveInt, defaultJobs())
    .addOption(repairOption())
    .addOption(ocrOption())
    .addOption(engineOption())
    .addOption(timeoutOption())
    .addOption(pageTimeoutOption())
    .option('-q, --quiet', 'no progress, only failures and errors', false)
    .option('--debug', 'print stack traces of failures', false)
    .action(async (inputs: string[], opts) => {
      await checkEngine(opts.engine);
      process.exitCode = await convert(inputs, {
        format: opts.format,
        out: opts.out,
        jobs: opts.jobs,
        quiet: opts.quiet,
        debug: opts.debug,
        timeout: opts.timeout,
        extract: { repair: opts.repair, ocr: opts.ocr, engine: opts.engine, pageTimeout: opts.pageTimeout },
      });
    });

  program
    .command('text')
    .description('print the recovered text, pages separated by form feeds')
    .argument('<input>', 'a .pdf, .txt, .md or image file')
    .addOption(repairOption())
    .addOption(ocrOption())
    .addOption(engineOption())
    .addOption(timeoutOption())
    .addOption(pageTimeoutOption())
    .option('--jobs <n>', 'pages OCR\'d at once', positiveInt, defaultJobs())
    .option('-q, --quiet', 'no progress, only errors', false)
    .option('--debug', 'print stack traces of failures', false)
    .action(async (input: string, opts) => {
      await checkEngine(opts.engine);
      const options = { repair: opts.repair, ocr: opts.ocr, engine: opts.engine, pageTimeout: opts.pageTimeout, ocrJobs: opts.jobs };
      process.exitCode = await runSingle({ path: input, displayName: input, format: 'json', kind: 'text', options }, { quiet: opts.quiet, debug: opts.debug, timeout: opts.timeout });
    });

  program
    .command('schema')
    .description('print the JSON Schema of the plan record')
    .action(async () => {
      const { planRecordJsonSchema } = await import('../schema/record.js');
      process.stdout.write(JSON.stringify(planRecordJsonSchema(), null, 2) + '\n');
    });

  program
    .command('check')
    .description('extract every input that has an expected record beside it (x.pdf + x.expected.yaml) and compare')
    .argument('<dir>', 'folder of inputs and expected records')
    .addOption(new Option('--reporter <kind>', 'text; junit (JUnit XML: one test case per fixture, one failure per differing field); github (::error annotations)').choices(['text', 'junit', 'github']).default('text'))
    .option('-o, --out <file>', 'write the junit or github report to this file instead of stdout')
    .action(async (dir: string, opts: { reporter: 'text' | 'junit' | 'github'; out?: string }) => {
      // The text lines go to stdout unless the report itself does; with -o they stay on stdout beside it.
      const reportOnStdout = opts.reporter !== 'text' && !opts.out;
      const textOut = reportOnStdout && opts.reporter === 'junit' ? process.stderr : process.stdout;
      const { checkFolder } = await import('./check.js');
      const { failed, checked, results, seconds } = await checkFolder(dir, textOut);
      if (checked === 0) throw new UsageError(`no input with an expected record (x.expected.yaml) in ${dir}`);
      if (opts.reporter !== 'text') {
        const report = opts.reporter === 'junit' ? (await import('../exporters/junit.js')).junitReport(`plan-extract check ${dir}`, results, seconds) : (await import('../exporters/github.js')).githubAnnotations(results);
        if (opts.out) await writeFileAtomic(opts.out, report);
        else process.stdout.write(report);
      }
      process.exitCode = failed > 0 ? 1 : 0;
    });

  addRecordOptions(
    program
      .command('export')
      .description('write the tasks, indicators, duties and warnings of plans as one workbook (.xlsx) or CSV files')
      .argument('<records...>', RECORDS_ARGUMENT)
      .requiredOption('-o, --out <file|dir>', 'a .xlsx file, or a folder for CSV files (one per table)')
      .addOption(new Option('--format <format>', 'xlsx or csv (default: from -o)').choices(['xlsx', 'csv'])),
  ).action(async (inputs: string[], opts) => {
    await checkEngine(opts.engine);
    const { exportCommand } = await import('./export.js');
    process.exitCode = await exportCommand(inputs, { ...recordOptions(opts), out: opts.out, format: opts.format });
  });

  addRecordOptions(
    program
      .command('agenda')
      .description("an agency's tasks and duties across plans, ordered by deadline")
      .argument('<records...>', RECORDS_ARGUMENT)
      .requiredOption('--agency <name>', 'the agency, as named or abbreviated ("Sở LĐTB&XH")')
      .option('--from <day>', 'start of the period (2024-01-01, 01/01/2024, 2024-01 or 2024; default: the earliest plan\'s year)')
      .option('--until <day>', 'end of the period (default: the end of the latest year a deadline names)')
      .option('--exact', 'only the agency itself, not the same sector\'s body at the other level (Phòng for a Sở)', false)
      .option('-o, --out <file>', 'write the agenda as .csv or .xlsx instead of a table on the terminal')
      .addOption(new Option('--format <format>', 'xlsx or csv (default: from -o)').choices(['xlsx', 'csv'])),
  ).action(async (inputs: string[], opts) => {
    await checkEngine(opts.engine);
    const { agendaCommand } = await import('./export.js');
    process.exitCode = await agendaCommand(inputs, { ...recordOptions(opts), agency: opts.agency, from: opts.from, until: opts.until, exact: opts.exact, out: opts.out, format: opts.format });
  });

  addRecordOptions(
    program
      .command('report')
      .description('write one self-contained HTML page (Vietnamese): documents, agency × plan matrix, deadline timeline, indicators side by side')
      .argument('<records...>', RECORDS_ARGUMENT)
      .requiredOption('-o, --out <file>', 'the .html file to write'),
  ).action(async (inputs: string[], opts) => {
    await checkEngine(opts.engine);
    const { reportCommand } = await import('./export.js');
    process.exitCode = await reportCommand(inputs, { ...recordOptions(opts), out: opts.out });
  });

  program
    .command('repair')
    .description('print the text with OCR damage repaired, line for line')
    .argument('<file>', 'a text file, or - for standard input')
    .action(async (file: string) => {
      const { repairCommand } = await import('./repair.js');
      process.exitCode = await repairCommand(file);
    });

  return program;
}

export async function main(argv: string[]): Promise<number> {
  installSignalHandlers();
  const program = buildProgram();
  program.exitOverride();
  program.configureOutput({ writeErr: (s) => process.stderr.write(s) });
  const debug = argv.includes('--debug');
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version exit through here with code 0.
      return err.exitCode === 0 ? 0 : 2;
    }
    if (err instanceof UsageError) {
      process.stderr.write(`plan-extract: ${err.message}\n`);
      return 2;
    }
    if (err instanceof InputError) {
      process.stderr.write(`plan-extract: ${err.file}: ${err.reason}\n`);
    } else {
      process.stderr.write(`plan-extract: ${describeError(err)}\n`);
    }
    if (debug && err instanceof Error) process.stderr.write(`${err.stack}\n`);
    return 1;
  } finally {
    // OCR workers and tesseract processes end with the command, whatever happened.
    await closeEngines();
  }
}

const code = await main(process.argv);
process.exitCode = code;
