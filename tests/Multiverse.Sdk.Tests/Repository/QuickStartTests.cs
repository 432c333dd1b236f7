using Multiverse.Sdk.Tests.Infrastructure;

namespace Multiverse.Sdk.Tests.Repository;

/// <summary>
/// The README's first command runs the QuickStart sample; it must work on a machine with no AWS credentials,
/// no AWS configuration files and no region.
/// </summary>
public sealed class QuickStartTests : IDisposable
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private readonly string _emptyHome = Directory.CreateTempSubdirectory("multiverse-quickstart-home-").FullName;

    [Fact]
    public async Task QuickStart_WithoutAnyAwsSetup_RunsEveryStepAndSaysWhatItDid()
    {
        string sample = Path.Combine(
            TestTools.RepositoryRoot,
            "samples",
            "Multiverse.Samples.QuickStart",
            "bin",
            Configuration,
            "net10.0",
            "Multiverse.Samples.QuickStart.dll");
        var environment = new Dictionary<string, string?>
        {
            ["HOME"] = _emptyHome,
            ["AWS_REGION"] = null,
            ["AWS_DEFAULT_REGION"] = null,
            ["AWS_PROFILE"] = null,
            ["AWS_ACCESS_KEY_ID"] = null,
            ["AWS_SECRET_ACCESS_KEY"] = null,
            ["AWS_SESSION_TOKEN"] = null,
            ["AWS_EC2_METADATA_DISABLED"] = "true",
        };

        ProcessResult result = await ProcessRunner.RunAsync(
            "dotnet",
            [sample],
            _emptyHome,
            TimeSpan.FromMinutes(2),
            environment);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Python priced 12 x BOOK-42 at 48.6", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("Stored order order-1 (version 1)", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("(version 2)", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("read back: \"Receipt for order-1: 48.6\"", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("Done: every step ran locally", result.StandardOutput, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_emptyHome, recursive: true);
}
