using System.Security.Cryptography;

namespace Multiverse.Sdk.Python;

/// <summary>
/// The worker script travels inside the assembly; it is written once per content version into a private temporary
/// folder, so a NuGet consumer needs no extra files and two SDK versions never share one.
/// </summary>
internal static class PythonWorkerScript
{
    private const string ResourceName = "Multiverse.Sdk.Python.multiverse_worker.py";
    private static readonly Lazy<string> s_path = new(Extract, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string Path => s_path.Value;

    private static string Extract()
    {
        byte[] content = ReadResource();
        string hash = Convert.ToHexStringLower(SHA256.HashData(content))[..16];
        string folder = System.IO.Path.Combine(
            System.IO.Path.GetTempPath(),
            $"multiverse-python-{Environment.UserName}-{hash}");
        string path = System.IO.Path.Combine(folder, "multiverse_worker.py");
        if (File.Exists(path) && File.ReadAllBytes(path).AsSpan().SequenceEqual(content))
        {
            return path;
        }

        Directory.CreateDirectory(folder);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        // Write then rename, so a host starting at the same moment never runs half a script.
        string temporary = $"{path}.{Environment.ProcessId}.tmp";
        File.WriteAllBytes(temporary, content);
        File.Move(temporary, path, overwrite: true);
        return path;
    }

    private static byte[] ReadResource()
    {
        using Stream stream = typeof(PythonWorkerScript).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource '{ResourceName}' is missing from the SDK.");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}
