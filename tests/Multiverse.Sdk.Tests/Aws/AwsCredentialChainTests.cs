using Multiverse.Sdk.Aws;
using Multiverse.Sdk.Configuration;

namespace Multiverse.Sdk.Tests.Aws;

public sealed class AwsCredentialChainTests : IDisposable
{
    private const string SsoConfig = """
        [profile dev]
        sso_session = company
        sso_account_id = 123456789012
        sso_role_name = Developer
        region = eu-west-1

        [sso-session company]
        sso_start_url = https://company.awsapps.com/start
        sso_region = eu-west-1
        sso_registration_scopes = sso:account:access
        """;

    private readonly AwsTestEnvironment _environment = new();
    private readonly AwsOptions _options = new();

    public void Dispose() => _environment.Dispose();

    [Fact]
    public void Select_NothingConfigured_FallsBackToInstanceProfile()
    {
        AwsCredentialSelection selection = Select();

        Assert.Equal(AwsCredentialSource.InstanceProfile, selection.Source);
    }

    [Fact]
    public void Select_HomeFolderWithoutAwsFiles_LooksPastTheProfiles()
    {
        _environment.Set("HOME", Path.Combine(_environment.HomeDirectory, "missing"))
            .Set("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "/v2/credentials/task");

        Assert.Equal(AwsCredentialSource.ContainerCredentials, Select().Source);
    }

    [Fact]
    public void Select_NothingConfiguredAndMetadataDisabled_ThrowsListingTheSources()
    {
        _environment.Set("AWS_EC2_METADATA_DISABLED", "true");

        var exception = Assert.Throws<MultiverseConfigurationException>(Select);

        Assert.Contains("No AWS credentials were found", exception.Message, StringComparison.Ordinal);
        Assert.Contains("AWS_PROFILE", exception.Message, StringComparison.Ordinal);
        Assert.Contains("AWS_WEB_IDENTITY_TOKEN_FILE", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Multiverse:Aws:LocalCredentials:AccessKeyId", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_LambdaRoleVariables_ChoosesEnvironmentVariablesWithSessionToken()
    {
        SetLambdaVariables();

        AwsCredentialSelection selection = Select();

        Assert.Equal(AwsCredentialSource.EnvironmentVariables, selection.Source);
        Assert.Equal("ASIALAMBDAROLEKEY", selection.AccessKeyId);
        Assert.Equal("lambda-session-token", selection.SessionToken);
        Assert.Contains("AWS_SESSION_TOKEN", selection.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_LambdaRoleVariables_DescriptionNamesNoSecret()
    {
        SetLambdaVariables();

        AwsCredentialSelection selection = Select();

        Assert.DoesNotContain("ASIALAMBDAROLEKEY", selection.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("lambda-secret", selection.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("lambda-session-token", selection.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_KeyIdWithoutSecret_ThrowsNamingTheMissingVariable()
    {
        _environment.Set("AWS_ACCESS_KEY_ID", "AKIAONLYKEYID");

        var exception = Assert.Throws<MultiverseConfigurationException>(Select);

        Assert.Contains("AWS_SECRET_ACCESS_KEY is not", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_LocalCredentialsAndLambdaVariables_ChoosesLocalCredentials()
    {
        SetLambdaVariables();
        _options.LocalCredentials.AccessKeyId = "local";
        _options.LocalCredentials.SecretAccessKey = "local-secret";

        AwsCredentialSelection selection = Select();

        Assert.Equal(AwsCredentialSource.LocalCredentials, selection.Source);
        Assert.Equal("local", selection.AccessKeyId);
        Assert.Null(selection.SessionToken);
    }

    [Fact]
    public void Select_GitLabOidcTokenFileAndRoleArn_ChoosesWebIdentityToken()
    {
        string tokenFile = _environment.WriteFile("gitlab-oidc-token", "eyJhbGciOi.token.signature");
        _environment.Set("AWS_WEB_IDENTITY_TOKEN_FILE", tokenFile)
            .Set("AWS_ROLE_ARN", "arn:aws:iam::123456789012:role/gitlab-deploy")
            .Set("AWS_ROLE_SESSION_NAME", "pipeline-42");

        AwsCredentialSelection selection = Select();

        Assert.Equal(AwsCredentialSource.WebIdentityToken, selection.Source);
        Assert.Equal(tokenFile, selection.WebIdentityTokenFile);
        Assert.Equal("arn:aws:iam::123456789012:role/gitlab-deploy", selection.RoleArn);
        Assert.Equal("pipeline-42", selection.RoleSessionName);
    }

    [Fact]
    public void Select_TokenFileWithoutRoleArn_ThrowsNamingAwsRoleArn()
    {
        _environment.Set("AWS_WEB_IDENTITY_TOKEN_FILE", "/var/run/secrets/token");

        var exception = Assert.Throws<MultiverseConfigurationException>(Select);

        Assert.Contains("AWS_ROLE_ARN is not", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_EnvironmentKeysAndWebIdentity_PrefersEnvironmentKeys()
    {
        SetLambdaVariables();
        _environment.Set("AWS_WEB_IDENTITY_TOKEN_FILE", "/var/run/secrets/token")
            .Set("AWS_ROLE_ARN", "arn:aws:iam::123456789012:role/deploy");

        Assert.Equal(AwsCredentialSource.EnvironmentVariables, Select().Source);
    }

    [Fact]
    public void Select_WebIdentityAndAwsProfile_PrefersWebIdentity()
    {
        _environment.WithCredentialsFile("[ci]\naws_access_key_id = AKIAPROFILE\naws_secret_access_key = s\n")
            .Set("AWS_PROFILE", "ci")
            .Set("AWS_WEB_IDENTITY_TOKEN_FILE", "/var/run/secrets/eks.amazonaws.com/serviceaccount/token")
            .Set("AWS_ROLE_ARN", "arn:aws:iam::123456789012:role/eks-pod");

        Assert.Equal(AwsCredentialSource.WebIdentityToken, Select().Source);
    }

    [Fact]
    public void Select_AwsProfileWithAccessKey_ChoosesThatProfile()
    {
        _environment.WithCredentialsFile("""
            [default]
            aws_access_key_id = AKIADEFAULT
            aws_secret_access_key = default-secret

            [staging]
            aws_access_key_id = AKIASTAGING
            aws_secret_access_key = staging-secret
            """)
            .Set("AWS_PROFILE", "staging");

        AwsCredentialSelection selection = Select();

        Assert.Equal(AwsCredentialSource.Profile, selection.Source);
        Assert.Equal("staging", selection.Profile!.Name);
        Assert.Contains("AWS_PROFILE", selection.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("staging-secret", selection.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_AwsProfileWithSsoSession_ChoosesSsoProfile()
    {
        _environment.WithConfigFile(SsoConfig).Set("AWS_PROFILE", "dev");

        AwsCredentialSelection selection = Select();

        Assert.Equal(AwsCredentialSource.SsoProfile, selection.Source);
        Assert.Equal("dev", selection.Profile!.Name);
    }

    [Fact]
    public void Select_ProfileWithLegacySsoStartUrl_ChoosesSsoProfile()
    {
        _environment.WithConfigFile("""
            [profile legacy]
            sso_start_url = https://company.awsapps.com/start
            sso_region = eu-west-1
            sso_account_id = 123456789012
            sso_role_name = Developer
            """);
        _options.Profile = "legacy";

        Assert.Equal(AwsCredentialSource.SsoProfile, Select().Source);
    }

    [Fact]
    public void Select_ProfileThatAssumesARole_ChoosesAssumeRoleProfile()
    {
        _environment.WithCredentialsFile("[base]\naws_access_key_id = AKIABASE\naws_secret_access_key = s\n")
            .WithConfigFile("""
                [profile admin]
                role_arn = arn:aws:iam::123456789012:role/admin
                source_profile = base
                """)
            .Set("AWS_PROFILE", "admin");

        AwsCredentialSelection selection = Select();

        Assert.Equal(AwsCredentialSource.AssumeRoleProfile, selection.Source);
        Assert.Contains("arn:aws:iam::123456789012:role/admin", selection.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_ProfileWithWebIdentityTokenFile_ChoosesWebIdentityProfile()
    {
        _environment.WithConfigFile("""
            [profile pod]
            role_arn = arn:aws:iam::123456789012:role/pod
            web_identity_token_file = /var/run/secrets/token
            """)
            .Set("AWS_PROFILE", "pod");

        Assert.Equal(AwsCredentialSource.WebIdentityProfile, Select().Source);
    }

    [Fact]
    public void Select_ProfileWithCredentialProcess_ChoosesCredentialProcessProfile()
    {
        _environment.WithConfigFile("[profile vault]\ncredential_process = /usr/local/bin/vault-aws\n")
            .Set("AWS_PROFILE", "vault");

        Assert.Equal(AwsCredentialSource.CredentialProcessProfile, Select().Source);
    }

    [Fact]
    public void Select_ConfiguredProfileAndLambdaVariables_PrefersTheConfiguredProfile()
    {
        SetLambdaVariables();
        _environment.WithConfigFile(SsoConfig);
        _options.Profile = "dev";

        AwsCredentialSelection selection = Select();

        Assert.Equal(AwsCredentialSource.SsoProfile, selection.Source);
        Assert.Contains("Multiverse:Aws:Profile", selection.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_AwsProfileNotInTheFiles_ThrowsNamingAwsProfile()
    {
        _environment.Set("AWS_PROFILE", "missing");

        var exception = Assert.Throws<MultiverseConfigurationException>(Select);

        Assert.Contains("'missing' named by AWS_PROFILE was not found", exception.Message, StringComparison.Ordinal);
        Assert.Contains(_environment.CredentialsFilePath, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_ConfiguredProfileNotInTheFiles_ThrowsNamingTheSetting()
    {
        _options.Profile = "missing";

        var exception = Assert.Throws<MultiverseConfigurationException>(Select);

        Assert.Contains("named by Multiverse:Aws:Profile", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_ConfiguredProfileWithoutCredentials_ThrowsNamingTheProfile()
    {
        _environment.WithConfigFile("[profile empty]\nregion = eu-west-1\n");
        _options.Profile = "empty";

        var exception = Assert.Throws<MultiverseConfigurationException>(Select);

        Assert.Contains(
            "'empty' named by Multiverse:Aws:Profile holds no credentials",
            exception.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Select_DefaultProfileInCredentialsFile_ChoosesIt()
    {
        _environment.WithCredentialsFile("[default]\naws_access_key_id = AKIADEFAULT\naws_secret_access_key = s\n");

        AwsCredentialSelection selection = Select();

        Assert.Equal(AwsCredentialSource.Profile, selection.Source);
        Assert.Equal("default", selection.Profile!.Name);
    }

    [Fact]
    public void Select_DefaultProfileWithOnlyARegion_LooksFurther()
    {
        _environment.WithConfigFile("[default]\nregion = eu-west-1\n")
            .Set("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "/v2/credentials/task");

        Assert.Equal(AwsCredentialSource.ContainerCredentials, Select().Source);
    }

    [Theory]
    [InlineData("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "/v2/credentials/task")]
    [InlineData("AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://169.254.170.23/v1/credentials")]
    public void Select_ContainerCredentialsVariable_ChoosesContainerCredentials(string variable, string value)
    {
        _environment.Set(variable, value);

        Assert.Equal(AwsCredentialSource.ContainerCredentials, Select().Source);
    }

    [Fact]
    public void Select_DefaultProfileAndContainerCredentials_PrefersTheProfile()
    {
        _environment.WithCredentialsFile("[default]\naws_access_key_id = AKIADEFAULT\naws_secret_access_key = s\n")
            .Set("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "/v2/credentials/task");

        Assert.Equal(AwsCredentialSource.Profile, Select().Source);
    }

    private AwsCredentialSelection Select() =>
        AwsCredentialChain.Select(_options, _environment.Environment, _environment.Profiles);

    private void SetLambdaVariables() =>
        _environment.Set("AWS_ACCESS_KEY_ID", "ASIALAMBDAROLEKEY")
            .Set("AWS_SECRET_ACCESS_KEY", "lambda-secret")
            .Set("AWS_SESSION_TOKEN", "lambda-session-token");
}
