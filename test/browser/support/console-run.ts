import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startSystem } from '../../e2e/support/system.js';
import type { RunningSystem } from '../../e2e/support/system.js';
import { DESKTOP, launchChromium, openBrowserFor, signInAs } from './browser.js';
import type { PHONE } from './browser.js';
import type { Person } from './browser.js';

type Viewport = typeof DESKTOP | typeof PHONE;

/** One browser spec's whole system and Chromium, and the people at their browsers (closed at the end). */
export interface ConsoleRun {
  readonly system: RunningSystem;
  readonly browser: Browser;
  /** A fresh browser (own cookies) for someone not signed in yet. */
  open(options?: Viewport): Promise<Person>;
  /** A fresh browser signed in as `username` through the sign-in page. */
  as(username: string, options?: Viewport): Promise<Page>;
  /** Closes this browser context with the others at the end. */
  track(person: Person): Person;
}

/** Starts the system (with `overrides` for its services) and Chromium before the spec's tests, stops both after. */
export function consoleRun(overrides: Record<string, string> = {}): ConsoleRun {
  let system: RunningSystem | undefined;
  let browser: Browser | undefined;
  const people: Person[] = [];
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the system is not started yet (use the run inside tests)');
    return value;
  };
  beforeAll(async () => {
    [system, browser] = await Promise.all([startSystem(overrides), launchChromium()]);
  });
  afterAll(async () => {
    for (const person of people) await person.context.close().catch(() => undefined);
    await browser?.close();
    await system?.stop();
  });
  const run: ConsoleRun = {
    get system() {
      return started(system);
    },
    get browser() {
      return started(browser);
    },
    open: async (options = DESKTOP) => run.track(await openBrowserFor(started(browser), options)),
    track: (person) => {
      people.push(person);
      return person;
    },
    as: async (username, options = DESKTOP) => {
      const person = await run.open(options);
      await signInAs(person, started(system).gatewayUrl, username, started(system).demoPassword);
      return person.page;
    },
  };
  return run;
}
