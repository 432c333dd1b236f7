using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Multiverse.Sdk.Configuration;

namespace Multiverse.Sdk.Python;

/// <summary>
/// Checks <c>Multiverse:Python</c> when the host starts: numbers in range and an interpreter that exists. The
/// interpreter's version is checked by the first worker, which refuses to run on one that is too old.
/// </summary>
internal sealed class PythonOptionsValidator : IValidateOptions<PythonOptions>
{
    private const string Section = "Multiverse:Python";
    private readonly IHostEnvironment _environment;

    public PythonOptionsValidator(IHostEnvironment environment)
    {
        _environment = environment;
    }

    public ValidateOptionsResult Validate(string? name, PythonOptions options)
    {
        Require(options.PoolSize is null or > 0, "PoolSize", "a number of workers of at least 1");
        Require(options.MaxCallsPerWorker > 0, "MaxCallsPerWorker", "at least 1");
        Require(options.RecycleAfterCalls >= 0, "RecycleAfterCalls", "0 (never) or a number of calls");
        Require(options.CallTimeout > TimeSpan.Zero, "CallTimeout", "a positive time such as 00:00:30");
        Require(options.StartTimeout > TimeSpan.Zero, "StartTimeout", "a positive time such as 00:00:30");
        Require(
            options.BusyPollDuration >= TimeSpan.Zero && options.BusyPollDuration <= TimeSpan.FromSeconds(1),
            "BusyPollDuration",
            "a time from 00:00:00 (off) to 00:00:01, such as 00:00:00.0002");
        Require(options.MaxResultBytes > 0, "MaxResultBytes", "a positive number of bytes");
        PythonInterpreter.Resolve(options.InterpreterPath, _environment.ContentRootPath);
        return ValidateOptionsResult.Success;
    }

    private static void Require(bool valid, string key, string expected)
    {
        if (!valid)
        {
            string path = $"{Section}:{key}";
            throw new MultiverseConfigurationException(
                $"Setting '{path}' is out of range. Set it to {expected} "
                + $"(environment variable {ConfigurationBinding.ToEnvironmentVariable(path)}).");
        }
    }
}
