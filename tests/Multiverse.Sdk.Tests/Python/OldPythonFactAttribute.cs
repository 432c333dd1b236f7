namespace Multiverse.Sdk.Tests.Python;

/// <summary>
/// Runs only where a Python older than 3.9 is installed (pyenv keeps 3.8 on the project's build machines);
/// Debian 12 and CI images ship only 3.11, so the test is skipped there with this reason.
/// </summary>
public sealed class OldPythonFactAttribute : FactAttribute
{
    public OldPythonFactAttribute()
    {
        if (Interpreter is null)
        {
            Skip = "No Python older than 3.9 is installed (looked in ~/.pyenv/versions); nothing to test against.";
        }
    }

    public static string? Interpreter { get; } = Find();

    private static string? Find()
    {
        string versions = Path.Combine(
            Environment.GetFolderPath(Environment.SpecialFolder.UserProfile),
            ".pyenv",
            "versions");
        if (!Directory.Exists(versions))
        {
            return null;
        }

        return Directory.GetDirectories(versions, "3.8*")
            .Concat(Directory.GetDirectories(versions, "3.7*"))
            .Select(folder => Path.Combine(folder, "bin", "python3"))
            .FirstOrDefault(File.Exists);
    }
}
