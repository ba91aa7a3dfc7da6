/**
 * A browser journey that fails is run once more, with the first failure printed: a real fault fails twice, while a
 * frame lost to a busy machine does not sink the whole run. A journey that needs the retry still shows in the log.
 */
jest.retryTimes(1, { logErrorsBeforeRetry: true });
