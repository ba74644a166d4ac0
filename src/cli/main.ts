#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { Command, CommanderError, Help, Option } from 'commander';
import { t } from '../domain/messages.js';
import { DEFAULT_DRIVE } from './defaults.js';
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

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  return String(pkg.version);
}

function positiveInt(option: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1)
      throw new UsageError(t('cli.invalid-number', { option, value }));
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
  const program = new Command('partnerschap')
    .description(t('cli.description'))
    .usage(t('cli.usage'))
    .version(version(), '-V, --version', t('cli.version'))
    .helpOption('-h, --help', t('cli.help'))
    .helpCommand('help [opdracht]', t('cli.help-command'))
    .configureHelp({ sortSubcommands: false })
    .showHelpAfterError(false)
    .exitOverride();
  program.createHelp = () => Object.assign(new DutchHelp(), program.configureHelp());

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
    .action(async (o: { region?: string; out: string }) => {
      const { runTemplates } = await import('./templates-command.js');
      process.exitCode = await runTemplates(o);
    });

  command(program, 'example', t('cli.example'))
    .requiredOption('--out <map>', t('cli.opt-out-dir'))
    .option('--seed <getal>', t('cli.opt-seed'), positiveInt('--seed'), 1)
    .option('--scale <getal>', t('cli.opt-scale'), positiveInt('--scale'), 1)
    .action(async (o: { region?: string; out: string; seed: number; scale: number }) => {
      const { runExample } = await import('./example-command.js');
      process.exitCode = await runExample(o);
    });

  command(program, 'sync', t('cli.sync'))
    .option('--drive <map>', t('cli.opt-drive'), DEFAULT_DRIVE)
    .option('--state <map>', t('cli.opt-state'))
    .option('--dry-run', t('cli.opt-dry-run'))
    .option('--json', t('cli.opt-json'))
    .option('--wachttijd <weken>', t('cli.overview-opt-wait'))
    .action(async (o: { state?: string; drive: string }) => {
      const { runBounded, bytesBelow } = await import('./bounded.js');
      const { stateDirFor } = await import('./state-dir.js');
      const cache = await bytesBelow(stateDirFor(o.drive, o.state));
      const ref = { module: './sync-command.js', fn: 'runSyncCommand' };
      process.exitCode = await runBounded(ref, o, cache);
    });

  command(program, 'overview', t('cli.overview'))
    .requiredOption('--in <map>', t('cli.overview-opt-in'))
    .requiredOption('--out <bestand>', t('cli.overview-opt-out'))
    .option('--at <datum>', t('cli.overview-opt-at'))
    .option('--wachttijd <weken>', t('cli.overview-opt-wait'))
    .action(
      async (o: { region?: string; in: string; out: string; at?: string; wachttijd?: string }) => {
        const { runBounded, bytesBelow } = await import('./bounded.js');
        const ref = { module: './overview-command.js', fn: 'runOverview' };
        process.exitCode = await runBounded(ref, o, await bytesBelow(o.in));
      },
    );

  program
    .command('login')
    .description(t('login.description'))
    .argument('<dienst>', t('login.arg-service'))
    .usage(t('login.usage'))
    .helpOption('-h, --help', t('cli.help'))
    .option('--client <bestand>', t('login.opt-client'))
    .option('--port <poort>', t('login.opt-port'), positiveInt('--port'))
    .action(async (service: string, o: { client?: string; port?: number }) => {
      const { runLogin } = await import('./login-command.js');
      process.exitCode = await runLogin(service, o);
    });

  command(program, 'reminders', t('reminders.cli.description'))
    .option('--drive <map>', t('cli.opt-drive'), DEFAULT_DRIVE)
    .option('--state <map>', t('cli.opt-state'))
    .option('--at <datumtijd>', t('reminders.cli.opt-at'))
    .option('--ics <bestand>', t('reminders.cli.opt-ics'))
    .option('--mail', t('reminders.cli.opt-mail'))
    .action(async (o) => {
      const { runReminders } = await import('./reminders-command.js');
      process.exitCode = await runReminders(o);
    });

  for (const c of program.commands) {
    c.createHelp = program.createHelp;
    c.exitOverride();
  }
  return program;
}

const COMMANDER_MESSAGES: Record<string, (e: CommanderError) => string> = {
  'commander.unknownCommand': (e) => t('cli.unknown-command', { command: quoted(e.message) }),
  'commander.unknownOption': (e) => t('cli.unknown-option', { option: quoted(e.message) }),
  'commander.missingArgument': (e) => t('cli.missing-argument', { name: quoted(e.message) }),
  'commander.optionMissingArgument': (e) =>
    t('cli.missing-option-value', { option: quoted(e.message) }),
  'commander.missingMandatoryOptionValue': (e) =>
    t('cli.missing-option-value', { option: quoted(e.message) }),
};

function quoted(message: string): string {
  return /'([^']+)'/.exec(message)?.[1] ?? message;
}

async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  program.configureOutput({ writeErr: () => undefined });
  try {
    await program.parseAsync(argv);
  } catch (err) {
    process.exitCode = reportError(err);
  }
}

function reportError(err: unknown): number {
  if (err instanceof CommanderError) {
    if (err.exitCode === 0) return EXIT.ok;
    const message = COMMANDER_MESSAGES[err.code]?.(err) ?? err.message.replace(/^error: /, '');
    process.stderr.write(`${t('cli.error', { message })}\n`);
    return EXIT.unreadable;
  }
  if (err instanceof UsageError) {
    process.stderr.write(`${t('cli.error', { message: err.message })}\n`);
    return EXIT.unreadable;
  }
  // Only the message: an error object can carry request headers (tokens) in its properties.
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`${t('cli.unexpected', { message })}\n`);
  return EXIT.unreadable;
}

await main(process.argv);
