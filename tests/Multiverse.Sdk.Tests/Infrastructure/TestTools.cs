namespace Multiverse.Sdk.Tests.Infrastructure;

/// <summary>
/// Where eng/prerequisites/*.sh put the external tools the tests use (DynamoDB Local, gitlab-ci-local, ...).
/// </summary>
public static class TestTools
{
    public static string Directory { get; } =
        Environment.GetEnvironmentVariable("MULTIVERSE_TOOLS_DIR") is { Length: > 0 } configured
            ? configured
            : Path.Combine(
                Environment.GetFolderPath(Environment.SpecialFolder.UserProfile),
                ".cache",
                "multiverse-sdk");

    /// <summary>The repository root, found from the test assembly's location.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>Returns the path of a tool file, or throws with the command that installs it.</summary>
    public static string Require(string relativePath, string installScript)
    {
        string path = Path.Combine(Directory, relativePath);
        if (!File.Exists(path) && !System.IO.Directory.Exists(path))
        {
            throw new InvalidOperationException(
                $"'{path}' is missing. Run 'bash eng/prerequisites/{installScript}' (eng/test.sh runs it for you).");
        }

        return path;
    }

    private static string FindRepositoryRoot()
    {
        string? folder = AppContext.BaseDirectory;
        while (folder is not null && !File.Exists(Path.Combine(folder, "Multiverse.Sdk.sln")))
        {
            folder = Path.GetDirectoryName(folder);
        }

        return folder ?? throw new InvalidOperationException("The tests must run from inside the repository.");
    }
}
