namespace Multiverse.Sdk.Configuration;

/// <summary>
/// Thrown at start-up when a <c>Multiverse</c> setting is missing or invalid. The message names the setting
/// and how to fix it.
/// </summary>
public sealed class MultiverseConfigurationException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="MultiverseConfigurationException"/> class.</summary>
    public MultiverseConfigurationException()
    {
    }

    /// <summary>Initializes a new instance with a message that names the setting and the fix.</summary>
    /// <param name="message">The message.</param>
    public MultiverseConfigurationException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and the error that caused it.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The underlying error.</param>
    public MultiverseConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
