#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { Command, CommanderError, Help, Option, type ErrorOptions } from 'commander';
import { t } from '../domain/messages.js';
import { TransportError } from '../drive/drive.js';
import { EXIT, UsageError } from './usage-error.js';

// The CLI's start-up path imports only commander and the message catalogue; each command loads
// its own (heavier) modules when it runs, so `partnerschap --help` starts fast.

const TITLES: Record<string, string> = {
  'Usage:': t('cli.usage-title'),
  'Options:': t('cli.options'),
  'Commands:': t('cli.commands'),
  'Arguments:': t('cli.arguments'),
};

class DutchHelp extends Help {
  override styleTitle(title: string): string {
    return TITLES[title] ?? title;
  }

  override optionDescription(option: Option): string {
    return super
      .optionDescription(option)
      .replace(/\(default: (.*)\)$/, (_, value: string) => t('cli.default', { value }));
  }

  override subcommandTerm(cmd: Command): string {
    return `${cmd.name()} ${cmd.usage()}`.trim();
  }
}

/**
 * A commander Command that helps and complains in Dutch. Commander builds its usage errors in
 * English (`error: unknown option '--drvie'` and, on a second line, `(Did you mean --drive?)`)
 * and passes them, with a code, through `error()`: here each code gets its catalogue message,
 * filled in with the parts of the original (the quoted name, the suggestions) or with what the
 * command itself knows. Subcommands are DutchCommands too (`createCommand`).
 */
class DutchCommand extends Command {
  override createCommand(name?: string): Command {
    return new DutchCommand(name);
  }

  override createHelp(): Help {
    return Object.assign(new DutchHelp(), this.configureHelp());
  }

  override error(message: string, errorOptions?: ErrorOptions): never {
    return super.error(usageMessage(this, message, errorOptions?.code), errorOptions);
  }
}

/** `partnerschap sync` for the sync command. */
function commandPath(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

/**
 * The Dutch text for one of commander's usage errors: the problem, commander's suggestion if it
 * made one, and where to find the help. Unknown codes (none reachable today) get a general line.
 */
function usageMessage(cmd: Command, english: string, code: string | undefined): string {
  const [head = '', ...rest] = english.split('\n');
  // The one quoted part of commander's first line: the option, command or argument concerned.
  const name = /'(.*)'/.exec(head)?.[1] ?? '';
  const expected = cmd.registeredArguments.length;
  const problem: Record<string, () => string> = {
    'commander.unknownCommand': () => t('cli.unknown-command', { command: name }),
    'commander.unknownOption': () => t('cli.unknown-option', { option: name }),
    'commander.missingArgument': () => t('cli.missing-argument', { name }),
    'commander.optionMissingArgument': () => t('cli.missing-option-value', { option: name }),
    'commander.missingMandatoryOptionValue': () => t('cli.missing-option', { option: name }),
    'commander.excessArguments': () =>
      t('cli.excess-arguments', {
        command: commandPath(cmd),
        expected,
        got: cmd.args.length,
      }),
  };
  const lines = [problem[code ?? '']?.() ?? t('cli.usage-other')];
  const suggestion = suggestionOf(rest.join('\n'));
  if (suggestion) lines.push(suggestion);
  lines.push(t('cli.see-help', { command: commandPath(cmd) }));
  return lines.join('\n');
}

/** Commander's `(Did you mean --drive?)` or `(Did you mean one of a, b?)`, in Dutch. */
function suggestionOf(tail: string): string | undefined {
  const candidates = /^\(Did you mean (?:one of )?(.+)\?\)$/.exec(tail.trim())?.[1]?.split(', ');
  if (!candidates?.length) return undefined;
  const last = candidates.pop() ?? '';
  const list = candidates.length ? `${candidates.join(', ')} ${t('cli.or')} ${last}` : last;
  return t('cli.did-you-mean', { candidates: list });
}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  return String(pkg.version);
}

/** An option's whole-number value, at least `min` (1: a count; 0: seconds to wait). */
function integerAtLeast(option: string, min: 0 | 1) {
  const key = min === 1 ? 'cli.invalid-number' : 'cli.invalid-seconds';
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) throw new UsageError(t(key, { option, value }));
    return n;
  };
}

function command(program: Command, name: string, description: string): Command {
  return program
    .command(name)
    .description(description)
    .usage(t('cli.usage-options'))
    .helpOption('-h, --help', t('cli.help'))
    .addOption(new Option('--region <bestand>', t('cli.opt-region')));
}

export function buildProgram(): Command {
  // Settings made here, before the subcommands are added, are inherited by them. Commander's
  // own error output is switched off: main() prints the (Dutch) message once.
  const program = new DutchCommand('partnerschap')
    .description(t('cli.description'))
    .usage(t('cli.usage'))
    .version(version(), '-V, --version', t('cli.version'))
    .helpOption('-h, --help', t('cli.help'))
    .helpCommand('help [opdracht]', t('cli.help-command'))
    .configureHelp({ sortSubcommands: false })
    .configureOutput({ outputError: () => undefined })
    .showHelpAfterError(false)
    .exitOverride();

  command(program, 'validate', t('cli.validate'))
    .argument('<bestanden...>', t('cli.validate-files'))
    .usage(t('cli.usage-files'))
    .option('--json', t('cli.opt-json'))
    .action(async (files: string[], o: { region?: string; json?: boolean }) => {
      const { runValidate } = await import('./validate-command.js');
      process.exitCode = await runValidate(files, o);
    });

  command(program, 'upgrade', t('cli.upgrade'))
    .argument('<bestanden...>', t('cli.upgrade-files'))
    .usage(t('cli.usage-files'))
    .action(async (files: string[], o: { region?: string }) => {
      const { runUpgrade } = await import('./upgrade-command.js');
      process.exitCode = await runUpgrade(files, o);
    });

  command(program, 'templates', t('cli.templates'))
    .option('--out <map>', t('cli.opt-out-dir'), 'sjablonen')
    .option('--force', t('cli.opt-force'))
    .action(async (o: { region?: string; out: string; force?: boolean }) => {
      const { runTemplates } = await import('./templates-command.js');
      process.exitCode = await runTemplates(o);
    });

  command(program, 'example', t('cli.example'))
    .requiredOption('--out <map>', t('cli.opt-out-dir'))
    .option('--seed <getal>', t('cli.opt-seed'), integerAtLeast('--seed', 1), 1)
    .option('--scale <getal>', t('cli.opt-scale'), integerAtLeast('--scale', 1), 1)
    .action(async (o: { region?: string; out: string; seed: number; scale: number }) => {
      const { runExample } = await import('./example-command.js');
      process.exitCode = await runExample(o);
    });

  command(program, 'sync', t('cli.sync'))
    .option('--drive <map>', t('cli.opt-drive'))
    .option('--state <map>', t('cli.opt-state'))
    .option('--dry-run', t('cli.opt-dry-run'))
    .option('--json', t('cli.opt-json'))
    .option('--wachttijd <weken>', t('cli.overview-opt-wait'))
    .option('--wacht <seconden>', t('cli.opt-wait-lock'), integerAtLeast('--wacht', 0), 60)
    .option('--at <datum>', t('cli.sync-opt-at'))
    .option('--out <bestand>', t('cli.sync-opt-out'))
    .action(async (o: { state?: string; drive?: string }) => {
      const { resolveDrive } = await import('./drive-config.js');
      const drive = await resolveDrive(o.drive);
      // Nothing to do is known from the listing and the cache alone: no child process for that.
      const { settledSync, releaseLeftLease } = await import('./sync-command.js');
      const settled = await settledSync({ ...o, drive });
      if (typeof settled === 'number') {
        process.exitCode = settled;
        return;
      }
      // The heap follows the sources as listed (a first sync's too, with its cache still empty).
      const input = () => settled.files.reduce((bytes, { file }) => bytes + file.size, 0);
      const { runBounded } = await import('./bounded.js');
      const options = { ...o, drive, listed: settled };
      process.exitCode = await runBounded('sync', options, input, (pid) =>
        releaseLeftLease(options, pid),
      );
    });

  command(program, 'intake', t('cli.intake'))
    .argument('<eml-of-map>', t('cli.intake-files'))
    .usage(t('cli.usage-intake'))
    .option('--drive <map>', t('cli.opt-drive'))
    .option('--dry-run', t('cli.opt-dry-run'))
    .option('--wacht <seconden>', t('cli.opt-wait-lock'), integerAtLeast('--wacht', 0), 60)
    .action(async (given: string, o: { region?: string; drive?: string }) => {
      const { runIntake } = await import('./intake-command.js');
      process.exitCode = await runIntake(given, o);
    });

  command(program, 'init', t('cli.init'))
    .requiredOption('--drive <map>', t('cli.opt-drive'))
    .action(async (o: { region?: string; drive: string }) => {
      const { runInit } = await import('./init-command.js');
      process.exitCode = await runInit(o);
    });

  program
    .command('config')
    .description(t('config.description'))
    .usage(t('cli.usage-options'))
    .helpOption('-h, --help', t('cli.help'))
    .option('--drive <map>', t('cli.opt-drive'))
    .action(async (o: { drive?: string }) => {
      const { runConfig } = await import('./drive-config.js');
      process.exitCode = await runConfig(o);
    });

  command(program, 'overview', t('cli.overview'))
    .requiredOption('--in <map>', t('cli.overview-opt-in'))
    .requiredOption('--out <bestand>', t('cli.overview-opt-out'))
    .option('--at <datum>', t('cli.overview-opt-at'))
    .option('--wachttijd <weken>', t('cli.overview-opt-wait'))
    .action(
      async (o: { region?: string; in: string; out: string; at?: string; wachttijd?: string }) => {
        const { runBounded, bytesBelow } = await import('./bounded.js');
        process.exitCode = await runBounded('overview', o, () => bytesBelow(o.in));
      },
    );

  command(program, 'export', t('cli.export'))
    .requiredOption('--hsds <map>', t('cli.export-opt-hsds'))
    .option('--drive <map>', t('cli.opt-drive'))
    .option('--state <map>', t('cli.opt-state'))
    .option('--at <datum>', t('cli.export-opt-at'))
    .action(async (o: { region?: string; hsds: string; drive?: string; state?: string }) => {
      const { runExport } = await import('./export-command.js');
      process.exitCode = await runExport(o);
    });

  program
    .command('login')
    .description(t('login.description'))
    .argument('<dienst>', t('login.arg-service'))
    .usage(t('login.usage'))
    .helpOption('-h, --help', t('cli.help'))
    .option('--client <bestand>', t('login.opt-client'))
    .option('--port <poort>', t('login.opt-port'), integerAtLeast('--port', 1))
    .action(async (service: string, o: { client?: string; port?: number }) => {
      const { runLogin } = await import('./login-command.js');
      process.exitCode = await runLogin(service, o);
    });

  command(program, 'feedback', t('mail.cli.feedback-description'))
    .option('--drive <map>', t('cli.opt-drive'))
    .option('--state <map>', t('cli.opt-state'))
    .option('--mail', t('mail.cli.opt-mail'))
    .option('--dry-run', t('mail.cli.opt-dry-run'))
    .action(async (o) => {
      const { runFeedbackMail } = await import('./mail-commands.js');
      process.exitCode = await runFeedbackMail(o);
    });

  command(program, 'notify', t('mail.cli.notify-description'))
    .option('--drive <map>', t('cli.opt-drive'))
    .option('--state <map>', t('cli.opt-state'))
    .option('--dry-run', t('mail.cli.opt-dry-run'))
    .action(async (o) => {
      const { runNotify } = await import('./mail-commands.js');
      process.exitCode = await runNotify(o);
    });

  command(program, 'reminders', t('reminders.cli.description'))
    .option('--drive <map>', t('cli.opt-drive'))
    .option('--state <map>', t('cli.opt-state'))
    .option('--at <datumtijd>', t('reminders.cli.opt-at'))
    .option('--ics <bestand>', t('reminders.cli.opt-ics'))
    .option('--mail', t('reminders.cli.opt-mail'))
    .action(async (o) => {
      const { runReminders } = await import('./reminders-command.js');
      process.exitCode = await runReminders(o);
    });

  return program;
}

/**
 * `partnerschap` alone (and `partnerschap help help`) shows the help on stdout and exits 0: it is
 * how people ask what the tool does. `partnerschap help X` for a command X that does not exist is
 * reported as the unknown command X (with commander's suggestion), not as the general help on
 * stderr.
 */
function argumentsFor(program: Command, argv: string[]): string[] | 'help' {
  const args = argv.slice(2);
  const [first, second] = args;
  if (first === undefined || (first === 'help' && second === 'help')) return 'help';
  const known = (name: string) =>
    program.commands.some((c) => c.name() === name || c.aliases().includes(name));
  if (first === 'help' && second !== undefined && !known(second)) return [second];
  return args;
}

async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  const args = argumentsFor(program, argv);
  if (args === 'help') {
    program.outputHelp();
    return;
  }
  try {
    await program.parseAsync(args, { from: 'user' });
  } catch (err) {
    process.exitCode = reportError(err);
  }
}

function reportError(err: unknown): number {
  if (err instanceof CommanderError) {
    // --help, --version and `help`: 0. Help shown because something was missing went to stderr.
    if (err.exitCode === 0) return EXIT.ok;
    if (err.code === 'commander.help') return EXIT.unreadable;
    process.stderr.write(`${t('cli.error', { message: err.message })}\n`);
    return EXIT.unreadable;
  }
  // A drive that refuses (no access, a full disk, a link out of the drive …) is no bug: its
  // Dutch message says what to do.
  if (err instanceof UsageError || err instanceof TransportError) {
    process.stderr.write(`${t('cli.error', { message: err.message })}\n`);
    return EXIT.unreadable;
  }
  // Only the message: an error object can carry request headers (tokens) in its properties.
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`${t('cli.unexpected', { message })}\n`);
  return EXIT.unreadable;
}

await main(process.argv);
