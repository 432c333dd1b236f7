namespace Multiverse.Sdk.Python;

/// <summary><see cref="PythonOptions"/> resolved against the content root, once, when the pool is built.</summary>
internal sealed class PythonWorkerSettings
{
    private PythonWorkerSettings(PythonOptions options, string contentRoot)
    {
        Interpreter = PythonInterpreter.Resolve(options.InterpreterPath, contentRoot);
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
        Environment = PythonEnvironment.Build(options, System.Environment.GetEnvironmentVariables());
    }

    public string Interpreter { get; }

    public IReadOnlyList<string> ModuleFolders { get; }

    public string ModulePath => string.Join(Path.PathSeparator, ModuleFolders);

    public int PoolSize { get; }

    public int MaxCallsPerWorker { get; }

    public IReadOnlyList<string> WarmUpModules { get; }

    public int RecycleAfterCalls { get; }

    public TimeSpan CallTimeout { get; }

    public TimeSpan StartTimeout { get; }

    public int MaxResultBytes { get; }

    public IReadOnlyDictionary<string, string> Environment { get; }

    public static PythonWorkerSettings Create(PythonOptions options, string contentRoot) => new(options, contentRoot);
}
