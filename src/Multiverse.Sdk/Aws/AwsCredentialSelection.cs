using Amazon.Runtime.CredentialManagement;

namespace Multiverse.Sdk.Aws;

/// <summary>
/// The credential source the chain chose, with what is needed to create its credentials. Its description is safe
/// to log: it names variables, files and profiles, never key values.
/// </summary>
internal sealed class AwsCredentialSelection
{
    public AwsCredentialSelection(AwsCredentialSource source, string description)
    {
        Source = source;
        Description = description;
    }

    /// <summary>Gets the kind of source.</summary>
    public AwsCredentialSource Source { get; }

    /// <summary>Gets a description of the source that names no secret.</summary>
    public string Description { get; }

    /// <summary>Gets the access key id of a fixed key.</summary>
    public string? AccessKeyId { get; init; }

    /// <summary>Gets the secret access key of a fixed key.</summary>
    public string? SecretAccessKey { get; init; }

    /// <summary>Gets the session token that goes with a fixed temporary key.</summary>
    public string? SessionToken { get; init; }

    /// <summary>Gets the web identity token file.</summary>
    public string? WebIdentityTokenFile { get; init; }

    /// <summary>Gets the role a web identity token is exchanged for.</summary>
    public string? RoleArn { get; init; }

    /// <summary>Gets the session name given with a web identity token.</summary>
    public string? RoleSessionName { get; init; }

    /// <summary>Gets the profile, for the profile kinds.</summary>
    public CredentialProfile? Profile { get; init; }

    /// <summary>Gets the files the profile was read from.</summary>
    public ICredentialProfileSource? ProfileSource { get; init; }
}
