using System.Text.RegularExpressions;
using Amazon.DynamoDBv2;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Multiverse.Sdk.Configuration;
using Multiverse.Sdk.Documents;
using Multiverse.Sdk.Hosting;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Adds the document store: <c>builder.AddMultiverse().AddDocuments(documents =&gt; documents.AddTable(...))</c>.
/// </summary>
public static partial class DocumentsMultiverseBuilderExtensions
{
    /// <summary>
    /// Adds the document store, bound from <c>Multiverse:Documents</c> and validated at start-up, and declares its
    /// tables. With no configuration the embedded provider keeps the tables in memory and creates them at start-up.
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddMultiverse</c>.</param>
    /// <param name="configure">Declares the tables with <see cref="DocumentsBuilder.AddTable{T}"/>.</param>
    /// <returns>The same builder, to add more features.</returns>
    public static IMultiverseBuilder AddDocuments(
        this IMultiverseBuilder builder,
        Action<DocumentsBuilder> configure) =>
        AddDocuments(builder, configure, configureOptions: null);

    /// <summary>
    /// Adds the document store and declares its tables, then lets <paramref name="configureOptions"/> adjust the
    /// options bound from <c>Multiverse:Documents</c> before they are validated.
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddMultiverse</c>.</param>
    /// <param name="configure">Declares the tables with <see cref="DocumentsBuilder.AddTable{T}"/>.</param>
    /// <param name="configureOptions">
    /// Changes applied after configuration is bound; may be <see langword="null"/>.
    /// </param>
    /// <returns>The same builder, to add more features.</returns>
    public static IMultiverseBuilder AddDocuments(
        this IMultiverseBuilder builder,
        Action<DocumentsBuilder> configure,
        Action<DocumentsOptions>? configureOptions)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        if (builder.Services.Any(descriptor => descriptor.ServiceType == typeof(DocumentStore)))
        {
            throw new InvalidOperationException(
                "AddDocuments was called twice. Declare every table in one AddDocuments call.");
        }

        IConfigurationSection section = builder.Configuration.GetSection("Documents");
        OptionsBuilder<DocumentsOptions> options = builder.Services.AddOptions<DocumentsOptions>()
            .Configure(bound => Bind(section, bound));
        if (configureOptions is not null)
        {
            options.Configure(configureOptions);
        }

        options.PostConfigure<IEnumerable<DocumentTableRegistration>>(Validate).ValidateOnStart();

        configure(new DocumentsBuilder(builder.Services));
        IHostEnvironment environment = builder.Environment;
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(provider => CreateStore(provider, environment));
        builder.Services.AddHostedService<DocumentsStartup>();
        return builder;
    }

    private static void Bind(IConfigurationSection section, DocumentsOptions options)
    {
        ConfigurationBinding.RequireEnumName<DocumentProvider>(section, nameof(DocumentsOptions.Provider));
        ConfigurationBinding.Bind(section, "Provider", () => section.Bind(options));
    }

    private static void Validate(DocumentsOptions options, IEnumerable<DocumentTableRegistration> registrations)
    {
        if (options.MaxUpdateAttempts < 1)
        {
            throw Invalid(
                nameof(DocumentsOptions.MaxUpdateAttempts),
                options.MaxUpdateAttempts,
                "Set it to 1 or more.");
        }

        if (options.MaxBatchRetries < 0)
        {
            throw Invalid(nameof(DocumentsOptions.MaxBatchRetries), options.MaxBatchRetries, "Set it to 0 or more.");
        }

        if (options.Embedded.BusyTimeout < TimeSpan.Zero)
        {
            throw Invalid("Embedded:BusyTimeout", options.Embedded.BusyTimeout, "Set it to a positive duration.");
        }

        foreach (DocumentTableRegistration registration in registrations)
        {
            string name = registration.Schema.DeclaredName;
            string key = $"Tables:{name}";
            options.Tables.TryGetValue(name, out string? tableName);
            if (string.IsNullOrWhiteSpace(tableName))
            {
                if (options.Provider == DocumentProvider.DynamoDb)
                {
                    string path = $"{DocumentsOptions.SectionPath}:{key}";
                    throw new MultiverseConfigurationException(
                        $"Setting '{path}' is not set, and the DynamoDb provider needs the name of every table. Set "
                        + $"it to the DynamoDB table name, for example from a Terraform output through the environment "
                        + $"variable {ConfigurationBinding.ToEnvironmentVariable(path)}.");
                }

                tableName = name;
            }

            if (!TableNamePattern().IsMatch(tableName))
            {
                throw Invalid(key, tableName,
                    "A DynamoDB table name has 3 to 255 letters, digits, '_', '-' or '.'.");
            }
        }
    }

    private static MultiverseConfigurationException Invalid(string key, object value, string fix)
    {
        string path = $"{DocumentsOptions.SectionPath}:{key}";
        return new MultiverseConfigurationException(
            $"Setting '{path}' has the value '{value}', which is not valid. {fix} "
            + $"(environment variable {ConfigurationBinding.ToEnvironmentVariable(path)}).");
    }

    private static DocumentStore CreateStore(IServiceProvider provider, IHostEnvironment environment)
    {
        DocumentsOptions options = provider.GetRequiredService<IOptions<DocumentsOptions>>().Value;
        ILogger logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DocumentStore).FullName!);
        IDocumentBackend backend;
        string location;
        if (options.Provider == DocumentProvider.DynamoDb)
        {
            IAmazonDynamoDB client = ResolveClient(provider);
            backend = new DynamoDbDocumentBackend(client);
            location = client.Config.ServiceURL ?? client.Config.RegionEndpoint?.SystemName ?? "DynamoDB";
        }
        else
        {
            string? path = options.Embedded.Path is { Length: > 0 } configured
                ? Path.GetFullPath(configured, environment.ContentRootPath)
                : null;
            backend = OpenEmbedded(path, options.Embedded.BusyTimeout);
            location = path ?? "memory";
        }

        DocumentsLog.StoreOpened(logger, options.Provider, location);
        return new DocumentStore(
            options.Provider,
            backend,
            options,
            provider.GetServices<DocumentTableRegistration>(),
            provider.GetRequiredService<TimeProvider>(),
            logger);
    }

    private static SqliteDocumentBackend OpenEmbedded(string? path, TimeSpan busyTimeout)
    {
        try
        {
            return new SqliteDocumentBackend(path, busyTimeout);
        }
        catch (Exception exception) when (exception is Microsoft.Data.Sqlite.SqliteException or IOException
            or UnauthorizedAccessException)
        {
            throw new MultiverseConfigurationException(
                $"The embedded document database '{path}' could not be opened: {exception.Message} Check setting "
                + $"'{DocumentsOptions.SectionPath}:Embedded:Path' (environment variable "
                + "Multiverse__Documents__Embedded__Path): the folder must be writable, and the file a SQLite "
                + "database.",
                exception);
        }
    }

    private static IAmazonDynamoDB ResolveClient(IServiceProvider provider)
    {
        IAmazonDynamoDB client;
        try
        {
            client = provider.GetRequiredService<IAmazonDynamoDB>();
        }
        catch (Exception exception) when (exception is not MultiverseConfigurationException)
        {
            throw new MultiverseConfigurationException(
                "The DynamoDB client could not be created for the DynamoDb document provider: "
                + $"{exception.Message} Set 'Multiverse:Aws:Region' (environment variable Multiverse__Aws__Region "
                + "or AWS_REGION) and make credentials available (an IAM role, AWS_PROFILE, or "
                + "Multiverse:Aws:LocalCredentials for a local server).",
                exception);
        }

        if (client.Config.RegionEndpoint is null && string.IsNullOrEmpty(client.Config.ServiceURL))
        {
            throw new MultiverseConfigurationException(
                "The DynamoDb document provider has no AWS region. Set 'Multiverse:Aws:Region' (environment "
                + "variable Multiverse__Aws__Region or AWS_REGION), or 'Multiverse:Aws:DynamoDb:ServiceUrl' for a "
                + "local server.");
        }

        return client;
    }

    [GeneratedRegex("^[A-Za-z0-9_.-]{3,255}$")]
    private static partial Regex TableNamePattern();
}
