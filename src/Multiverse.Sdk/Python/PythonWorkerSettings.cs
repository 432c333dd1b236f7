namespace Multiverse.Sdk.Python;

/// <summary><see cref="PythonOptions"/> resolved against the content root, once, when the pool is built.</summary>
internal sealed class PythonWorkerSettings
{
    private PythonWorkerSettings(PythonOptions options, string contentRoot)
    {
        ConfiguredInterpreter = PythonInterpreter.Resolve(options.InterpreterPath, contentRoot);
        Interpreter = ConfiguredInterpreter;
        ModuleFolders = options.ModulePath
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(folder => Path.GetFullPath(folder, contentRoot))
            .ToArray();
        PoolSize = options.PoolSize ?? Math.Max(1, System.Environment.ProcessorCount);
        MaxCallsPerWorker = options.MaxCallsPerWorker;
        WarmUpModules = [.. options.WarmUpModules];
        RecycleAfterCalls = options.RecycleAfterCalls;
        CallTimeout = options.CallTimeout;
        StartTimeout = options.StartTimeout;
        MaxResultBytes = options.MaxResultBytes;
        // On one processor a poller only delays the thread it waits for, as spin-waits in .NET itself avoid.
        BusyPollDuration = System.Environment.ProcessorCount > 1 ? options.BusyPollDuration : TimeSpan.Zero;
        Environment = PythonEnvironment.Build(options, System.Environment.GetEnvironmentVariables());
    }

    /// <summary>
    /// Gets the interpreter to start. It begins as the configured path and becomes the executable the first worker
    /// reports: a version manager's shim (pyenv's is a shell script) then costs its start-up only once.
    /// </summary>
    public string Interpreter { get; private set; }

    /// <summary>Gets the interpreter as configured and resolved, for messages.</summary>
    public string ConfiguredInterpreter { get; }

    public IReadOnlyList<string> ModuleFolders { get; }

    public string ModulePath => string.Join(Path.PathSeparator, ModuleFolders);

    public int PoolSize { get; }

    public int MaxCallsPerWorker { get; }

    public IReadOnlyList<string> WarmUpModules { get; }

    public int RecycleAfterCalls { get; }

    public TimeSpan CallTimeout { get; }

    public TimeSpan StartTimeout { get; }

    public int MaxResultBytes { get; }

    public TimeSpan BusyPollDuration { get; }

    public IReadOnlyDictionary<string, string> Environment { get; }

    public void UseReportedExecutable(string executable)
    {
        // A virtual environment reports its own python, so its packages stay visible.
        if (executable.Length > 0 && Path.IsPathFullyQualified(executable) && File.Exists(executable))
        {
            Interpreter = executable;
        }
    }

    public static PythonWorkerSettings Create(PythonOptions options, string contentRoot) => new(options, contentRoot);
}
