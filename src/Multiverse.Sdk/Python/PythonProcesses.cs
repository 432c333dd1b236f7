using System.Diagnostics;

namespace Multiverse.Sdk.Python;

/// <summary>What every Python process the SDK starts has in common: interpreter, worker script, environment.</summary>
internal static class PythonProcesses
{
    /// <summary>
    /// Starts the worker script with all three standard streams redirected: stdin is closed at once, stdout and
    /// stderr go to the host's logs (or the script's result), never to the host's own console.
    /// </summary>
    public static ProcessStartInfo CreateStartInfo(PythonWorkerSettings settings, IEnumerable<string> arguments)
    {
        var startInfo = new ProcessStartInfo(settings.Interpreter)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        };
        startInfo.ArgumentList.Add(PythonWorkerScript.Path);
        foreach (string argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment.Clear();
        foreach ((string name, string value) in settings.Environment)
        {
            startInfo.Environment[name] = value;
        }

        return startInfo;
    }
}
