using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Multiverse.Sdk.Tests.Lambda;

/// <summary>
/// Publishes the test app (tests/Multiverse.Sdk.TestApps.LambdaApp) once per flavour. Output is cached under
/// $MULTIVERSE_TOOLS_DIR/lambda-publish by a hash of every input file, so only a change to the SDK or the app
/// publishes again; native AOT takes minutes on two cores.
/// </summary>
public sealed partial class LambdaAppPublisher
{
    public const string AppName = "Multiverse.Sdk.TestApps.LambdaApp";

    private static readonly string[] s_inputFolders = ["src/Multiverse.Sdk", "tests/" + AppName];
    private static readonly string[] s_inputFiles =
    [
        "Directory.Build.props",
        "Directory.Build.targets",
        "Directory.Packages.props",
        "global.json",
        ".editorconfig",
    ];

    private readonly string _repositoryRoot;
    private readonly string _cacheRoot;
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private readonly Dictionary<LambdaAppFlavor, Task<PublishedApp>> _published = [];
    private readonly Lazy<string> _inputHash;

    public LambdaAppPublisher(string repositoryRoot, string toolsDirectory)
    {
        _repositoryRoot = repositoryRoot;
        _cacheRoot = Path.Combine(toolsDirectory, "lambda-publish");

        // Hashed once, so every flavour of one run is published from the same inputs.
        _inputHash = new Lazy<string>(HashInputs);
    }

    public Task<PublishedApp> PublishAsync(LambdaAppFlavor flavor)
    {
        lock (_published)
        {
            if (!_published.TryGetValue(flavor, out Task<PublishedApp>? publish))
            {
                publish = PublishOnceAsync(flavor);
                _published[flavor] = publish;
            }

            return publish;
        }
    }

    /// <summary>The trimming and AOT warnings a publish reported about the SDK itself, not its dependencies.</summary>
    public static IReadOnlyList<string> SdkTrimAndAotWarnings(string publishLog) =>
        publishLog.Split('\n')
            .Where(line => TrimOrAotWarning().IsMatch(line))
            .Where(line => line.Contains("Multiverse.Sdk", StringComparison.Ordinal)
                && !line.Contains(AppName, StringComparison.Ordinal))
            .Select(line => line.Trim())
            .Distinct()
            .ToList();

    [GeneratedRegex(@"warning IL\d{4}")]
    private static partial Regex TrimOrAotWarning();

    private async Task<PublishedApp> PublishOnceAsync(LambdaAppFlavor flavor)
    {
        string hash = _inputHash.Value;
        string output = Path.Combine(_cacheRoot, hash, flavor.ToString());
        string log = Path.Combine(_cacheRoot, hash, flavor + ".log");
        string executable = Path.Combine(output, AppName);
        if (File.Exists(executable) && File.Exists(log))
        {
            return new PublishedApp(flavor, executable, await File.ReadAllTextAsync(log));
        }

        await _oneAtATime.WaitAsync();
        try
        {
            RemoveOtherVersions(hash);
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }

            string publishLog = await RunPublishAsync(flavor, output);
            await File.WriteAllTextAsync(log, publishLog);
            return new PublishedApp(flavor, executable, publishLog);
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    private async Task<string> RunPublishAsync(LambdaAppFlavor flavor, string output)
    {
        // Publishing from a copy of the inputs keeps its bin and obj folders away from the build running the tests.
        string source = output + ".source";
        CopyInputs(source);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = source,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string argument in new[]
        {
            "publish", Path.Combine("tests", AppName, AppName + ".csproj"),
            "-c", "Release", "-r", "linux-x64", "-o", output, "-nologo",
            // Trimming warnings are collected and asserted on instead of failing the publish.
            "-p:TreatWarningsAsErrors=false",
        })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (string property in FlavorProperties(flavor))
        {
            start.ArgumentList.Add(property);
        }

        using Process process = Process.Start(start)!;
        Task<string> standardOutput = process.StandardOutput.ReadToEndAsync();
        Task<string> standardError = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        string publishLog = await standardOutput + await standardError;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"Publishing the test app ({flavor}) failed:\n{publishLog}");
        }

        Directory.Delete(source, recursive: true);
        return publishLog;
    }

    private void CopyInputs(string destination)
    {
        if (Directory.Exists(destination))
        {
            Directory.Delete(destination, recursive: true);
        }

        foreach (string file in InputFiles())
        {
            string target = Path.Combine(destination, file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(_repositoryRoot, file), target);
        }
    }

    private static string[] FlavorProperties(LambdaAppFlavor flavor) => flavor switch
    {
        LambdaAppFlavor.Jit => ["--self-contained", "false"],
        LambdaAppFlavor.ReadyToRun => ["--self-contained", "false", "-p:PublishReadyToRun=true"],
        LambdaAppFlavor.NativeAot => ["-p:PublishAot=true", "-p:StripSymbols=true"],
        _ => throw new ArgumentOutOfRangeException(nameof(flavor)),
    };

    private void RemoveOtherVersions(string hash)
    {
        if (!Directory.Exists(_cacheRoot))
        {
            return;
        }

        foreach (string folder in Directory.GetDirectories(_cacheRoot))
        {
            if (Path.GetFileName(folder) != hash)
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private IEnumerable<string> InputFiles() =>
        s_inputFolders
            .SelectMany(folder => Directory.EnumerateFiles(
                Path.Combine(_repositoryRoot, folder),
                "*",
                SearchOption.AllDirectories))
            .Where(file => !file.Contains("/bin/", StringComparison.Ordinal)
                && !file.Contains("/obj/", StringComparison.Ordinal))
            .Concat(s_inputFiles.Select(file => Path.Combine(_repositoryRoot, file)).Where(File.Exists))
            .Select(file => Path.GetRelativePath(_repositoryRoot, file))
            .Order(StringComparer.Ordinal);

    private string HashInputs()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (string file in InputFiles())
        {
            hash.AppendData(Encoding.UTF8.GetBytes(file + "\n"));
            hash.AppendData(File.ReadAllBytes(Path.Combine(_repositoryRoot, file)));
        }

        return Convert.ToHexString(hash.GetHashAndReset())[..16].ToLowerInvariant();
    }
}

/// <summary>A published test app: the executable to start and what the publish printed.</summary>
public sealed record PublishedApp(LambdaAppFlavor Flavor, string Executable, string PublishLog);
