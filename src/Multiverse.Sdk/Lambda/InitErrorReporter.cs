using Microsoft.Extensions.Logging.Abstractions;

namespace Multiverse.Sdk.Lambda;

/// <summary>
/// Reports a failure to start to the Runtime API's <c>init/error</c> endpoint. A start-up failure surfaces as an
/// exception out of the application's <c>Main</c>; the process then exits non-zero as the Runtime API expects.
/// </summary>
internal static class InitErrorReporter
{
    private static int s_registered;

    public static void Register(string runtimeApi)
    {
        if (Interlocked.Exchange(ref s_registered, 1) == 1)
        {
            return;
        }

        AppDomain.CurrentDomain.UnhandledException += (_, arguments) =>
        {
            // After the first invocation a crash is an invocation failure, which Lambda detects by itself.
            if (LambdaServer.InvocationCount > 0 || arguments.ExceptionObject is not Exception exception)
            {
                return;
            }

            Report(runtimeApi, exception);
        };
    }

    private static void Report(string runtimeApi, Exception exception)
    {
        using var client = new RuntimeApiClient(runtimeApi, NullLogger.Instance);
        try
        {
            client.PostInitErrorAsync(RuntimeError.FromException(Unwrap(exception)), CancellationToken.None)
                .GetAwaiter()
                .GetResult();
        }
        catch (LambdaRuntimeApiException)
        {
            // The process is exiting with the original exception either way; Lambda records the exit.
        }
    }

    private static Exception Unwrap(Exception exception) =>
        exception is AggregateException { InnerExceptions.Count: 1 } aggregate
            ? aggregate.InnerExceptions[0]
            : exception;
}
