using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Multiverse.Sdk.Configuration;
using Multiverse.Sdk.Hosting;

namespace Multiverse.Sdk.Logging;

/// <summary>
/// The <c>service</c> of every JSON line: <c>POWERTOOLS_SERVICE_NAME</c>, else <c>Multiverse:ServiceName</c>, else
/// the application name. Resolved at the first line, not at start-up, so that building the logger never runs the
/// validation of the <c>Multiverse</c> options.
/// </summary>
internal sealed class LogServiceName
{
    public const string Undefined = "service_undefined";

    private readonly Lazy<string> _value;

    public LogServiceName(
        LoggingEnvironment environment,
        IOptions<MultiverseOptions> options,
        IConfiguration configuration,
        IHostEnvironment hostEnvironment)
    {
        _value = new Lazy<string>(() => Resolve(environment, options, configuration, hostEnvironment));
    }

    public string Value => _value.Value;

    private static string Resolve(
        LoggingEnvironment environment,
        IOptions<MultiverseOptions> options,
        IConfiguration configuration,
        IHostEnvironment hostEnvironment)
    {
        if (environment.ServiceName is not null)
        {
            return environment.ServiceName;
        }

        string? configured;
        try
        {
            configured = options.Value.ServiceName;
        }
        catch (Exception exception) when (exception is OptionsValidationException or MultiverseConfigurationException)
        {
            // The start-up validation reports the bad setting; the log lines about it still need a service name.
            configured = configuration[$"{MultiverseOptions.SectionName}:{nameof(MultiverseOptions.ServiceName)}"];
        }

        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured.Trim();
        }

        return string.IsNullOrWhiteSpace(hostEnvironment.ApplicationName) ? Undefined : hostEnvironment.ApplicationName;
    }
}
