namespace Multiverse.Sdk.Python;

/// <summary>
/// Settings of the Python worker pool and of one-shot scripts, bound from <c>Multiverse:Python</c>.
/// </summary>
public sealed class PythonOptions
{
    /// <summary>The name of the configuration section, under <c>Multiverse</c>.</summary>
    public const string SectionName = "Python";

    /// <summary>
    /// Gets or sets the Python interpreter: a path (for example a virtual environment's <c>.venv/bin/python</c>,
    /// relative paths start from the application's content root) or a bare command name looked up on <c>PATH</c>.
    /// </summary>
    /// <value>Defaults to <c>python3</c> on <c>PATH</c>.</value>
    public string InterpreterPath { get; set; } = "python3";

    /// <summary>
    /// Gets or sets the folders Python imports modules from, separated by <c>:</c> like <c>PYTHONPATH</c>;
    /// relative folders start from the application's content root.
    /// </summary>
    /// <value>Defaults to <c>python</c>, the service's <c>python/</c> folder.</value>
    public string ModulePath { get; set; } = "python";

    /// <summary>Gets or sets the number of long-lived worker processes.</summary>
    /// <value>Defaults to the number of processors, at least 1.</value>
    public int? PoolSize { get; set; }

    /// <summary>
    /// Gets or sets how many calls one worker may hold at once: the one it runs plus those queued behind it.
    /// Values above 1 keep workers busy under load at the price of calls waiting behind a slow one.
    /// </summary>
    /// <value>Defaults to 4.</value>
    public int MaxCallsPerWorker { get; set; } = 4;

    /// <summary>
    /// Gets the modules every worker imports when it starts, so the host's start-up (a Lambda's init phase)
    /// pays for them instead of the first request.
    /// </summary>
    /// <value>Defaults to none.</value>
    public IList<string> WarmUpModules { get; } = [];

    /// <summary>
    /// Gets or sets the number of calls after which a worker is replaced by a fresh one. 0 never recycles.
    /// </summary>
    /// <value>Defaults to 0.</value>
    public int RecycleAfterCalls { get; set; }

    /// <summary>
    /// Gets or sets the longest time one call may run in a worker before the worker is killed and replaced.
    /// Time spent waiting for a worker does not count; use the call's cancellation token to bound the total.
    /// </summary>
    /// <value>Defaults to 30 seconds.</value>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets the longest time a worker may take to start and import the warm-up modules.</summary>
    /// <value>Defaults to 30 seconds.</value>
    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Gets or sets how long an idle worker polls its socket for the next call, and how long a caller whose call went
    /// to an idle worker polls for the answer, before either blocks. Waking a blocked process or thread costs 30 to
    /// 40 microseconds on a virtual machine, more than a small call costs in Python; polling lets calls that follow
    /// each other closely skip those wake-ups, at the price of up to this much CPU time per burst of calls (a
    /// poller yields its core to any thread that is ready to run). <see cref="TimeSpan.Zero"/> turns polling off;
    /// it is always off on a machine with one processor, where a poller would only delay the process it waits for.
    /// </summary>
    /// <value>Defaults to 200 microseconds.</value>
    public TimeSpan BusyPollDuration { get; set; } = TimeSpan.FromMicroseconds(200);

    /// <summary>
    /// Gets or sets the largest result, in bytes of JSON, a call may return; one-shot scripts may write at most
    /// this much to each of stdout and stderr.
    /// </summary>
    /// <value>Defaults to 16 MiB (16,777,216).</value>
    public int MaxResultBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>
    /// Gets the host environment variables passed to Python although their names mark them as secret
    /// (<c>AWS_ACCESS_KEY_ID</c>, <c>AWS_SECRET_ACCESS_KEY</c>, <c>AWS_SESSION_TOKEN</c>, or names containing
    /// <c>SECRET</c>, <c>TOKEN</c>, <c>PASSWORD</c>, <c>CREDENTIAL</c>, <c>API_KEY</c>, <c>PRIVATE_KEY</c>).
    /// Every other host variable is inherited.
    /// </summary>
    /// <value>Defaults to none: secret-named variables stay in the host.</value>
    public IList<string> PassThroughEnvironmentVariables { get; } = [];

    /// <summary>Gets variables set in every worker's and script's environment, over inherited ones.</summary>
    /// <value>Defaults to none.</value>
    public IDictionary<string, string> EnvironmentVariables { get; } = new Dictionary<string, string>();
}
