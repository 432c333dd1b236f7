using Microsoft.Extensions.Options;
using Multiverse.Sdk.Configuration;

namespace Multiverse.Sdk.Lambda;

/// <summary>Checks <see cref="LambdaHostingOptions"/> at start-up and names the setting to fix.</summary>
internal sealed class LambdaHostingOptionsValidator : IValidateOptions<LambdaHostingOptions>
{
    public const string SectionPath = "Multiverse:Lambda";

    private static readonly TimeSpan s_maximumTimeout = TimeSpan.FromMinutes(15);

    public ValidateOptionsResult Validate(string? name, LambdaHostingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.DeadlineMargin < TimeSpan.Zero || options.DeadlineMargin > s_maximumTimeout)
        {
            failures.Add(Describe(
                nameof(LambdaHostingOptions.DeadlineMargin),
                options.DeadlineMargin,
                "must be between 00:00:00 and 00:15:00, for example 00:00:00.500"));
        }

        if (options.FunctionTimeout is { } timeout
            && (timeout <= options.DeadlineMargin || timeout > s_maximumTimeout))
        {
            failures.Add(Describe(
                nameof(LambdaHostingOptions.FunctionTimeout),
                timeout,
                $"must be longer than {SectionPath}:DeadlineMargin ({options.DeadlineMargin}) and at most 00:15:00, "
                + "like the function's own timeout"));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string Describe(string key, TimeSpan value, string rule) =>
        $"Setting '{SectionPath}:{key}' is {value}; it {rule}. Change it in appsettings.json or in the environment "
        + $"variable {ConfigurationBinding.ToEnvironmentVariable($"{SectionPath}:{key}")}.";
}
