using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Multiverse.Sdk.Tests.Logging;

public sealed class PowertoolsJsonFormatterTests
{
    private static readonly Dictionary<string, object?> s_invocationScope = new()
    {
        ["function_request_id"] = "52fdfc07-2182-154f-163f-5f0f9a621d72",
        ["xray_trace_id"] = "1-61b7add4-66532bb81441e1b060389429",
        ["function_arn"] = "arn:aws:lambda:eu-west-1:123456789012:function:orders-api",
        ["cold_start"] = true,
    };

    [Fact]
    public void Log_InLambda_WritesOneJsonObjectPerLine()
    {
        using var host = new LoggingTestHost(TestEnvironmentVariables.Lambda);
        ILogger logger = host.CreateLogger();

        logger.LogInformation("First line\nwith a line break");
        logger.LogWarning("Second line");

        string[] lines = host.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.All(lines, line => Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(line).RootElement.ValueKind));
        Assert.EndsWith("\n", host.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Log_InLambda_WritesTimestampAsIso8601Utc()
    {
        JsonElement line = LoggingTestHost.WriteOneLine(
            TestEnvironmentVariables.Lambda,
            logger => logger.LogInformation("Collecting payment"));

        JsonElement timestamp = line.GetProperty("timestamp");
        Assert.Equal(JsonValueKind.String, timestamp.ValueKind);
        Assert.Equal("2026-03-04T05:06:07.123Z", timestamp.GetString());
        Assert.Equal(
            LoggingTestHost.Now,
            DateTimeOffset.ParseExact(
                timestamp.GetString()!,
                "yyyy-MM-ddTHH:mm:ss.FFFFFFFK",
                CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(LogLevel.Trace, "Trace")]
    [InlineData(LogLevel.Debug, "Debug")]
    [InlineData(LogLevel.Information, "Information")]
    [InlineData(LogLevel.Warning, "Warning")]
    [InlineData(LogLevel.Error, "Error")]
    [InlineData(LogLevel.Critical, "Critical")]
    public void Log_InLambda_WritesThePowertoolsLevelName(LogLevel level, string expected)
    {
        JsonElement line = LoggingTestHost.WriteOneLine(
            TestEnvironmentVariables.LambdaWith(("POWERTOOLS_LOG_LEVEL", "Trace")),
            logger => logger.Log(level, "Collecting payment"));

        Assert.Equal(expected, line.GetProperty("level").GetString());
    }

    [Fact]
    public void Log_InLambda_WritesMessageAndCategoryName()
    {
        JsonElement line = LoggingTestHost.WriteOneLine(
            TestEnvironmentVariables.Lambda,
            logger => logger.LogInformation("Order {OrderId} refunded", 42),
            category: "Payments.Refunds");

        Assert.Equal("Order 42 refunded", line.GetProperty("message").GetString());
        Assert.Equal("Payments.Refunds", line.GetProperty("name").GetString());
    }

    [Fact]
    public void Log_PowertoolsServiceNameSet_WritesItAsService()
    {
        JsonElement line = LoggingTestHost.WriteOneLine(
            TestEnvironmentVariables.LambdaWith(("POWERTOOLS_SERVICE_NAME", "payments")),
            logger => logger.LogInformation("Collecting payment"),
            configuration: new Dictionary<string, string?> { ["Multiverse:ServiceName"] = "orders" });

        Assert.Equal("payments", line.GetProperty("service").GetString());
    }

    [Fact]
    public void Log_OnlyMultiverseServiceNameSet_WritesItAsService()
    {
        JsonElement line = LoggingTestHost.WriteOneLine(
            TestEnvironmentVariables.Lambda,
            logger => logger.LogInformation("Collecting payment"),
            configuration: new Dictionary<string, string?> { ["Multiverse:ServiceName"] = "orders" });

        Assert.Equal("orders", line.GetProperty("service").GetString());
    }

    [Fact]
    public void Log_NoServiceNameSet_WritesTheApplicationName()
    {
        JsonElement line = LoggingTestHost.WriteOneLine(
            TestEnvironmentVariables.Lambda,
            logger => logger.LogInformation("Collecting payment"));

        Assert.Equal("logging-tests", line.GetProperty("service").GetString());
    }

    [Fact]
    public void Log_InLambda_WritesFunctionFactsFromTheEnvironment()
    {
        JsonElement line = LoggingTestHost.WriteOneLine(
            TestEnvironmentVariables.Lambda,
            logger => logger.LogInformation("Collecting payment"));

        Assert.Equal("orders-api", line.GetProperty("function_name").GetString());
        Assert.Equal("$LATEST", line.GetProperty("function_version").GetString());
        Assert.Equal(JsonValueKind.Number, line.GetProperty("function_memory_size").ValueKind);
        Assert.Equal(512, line.GetProperty("function_memory_size").GetInt32());
    }

    [Fact]
    public void Log_InsideInvocationScope_PromotesTheScopeKeysToTopLevelFields()
    {
        JsonElement line = WriteInsideScope(s_invocationScope);

        Assert.Equal("52fdfc07-2182-154f-163f-5f0f9a621d72", line.GetProperty("function_request_id").GetString());
        Assert.Equal("1-61b7add4-66532bb81441e1b060389429", line.GetProperty("xray_trace_id").GetString());
        Assert.Equal(
            "arn:aws:lambda:eu-west-1:123456789012:function:orders-api",
            line.GetProperty("function_arn").GetString());
        Assert.Equal(JsonValueKind.True, line.GetProperty("cold_start").ValueKind);
    }

    [Fact]
    public void Log_InsideInvocationScope_WritesEachPromotedKeyOnce()
    {
        JsonElement line = WriteInsideScope(s_invocationScope);

        string[] names = [.. line.EnumerateObject().Select(property => property.Name)];
        Assert.Equal(names.Length, names.Distinct(StringComparer.Ordinal).Count());
        Assert.DoesNotContain("scope", names);
    }

    [Fact]
    public void Log_FullTraceHeaderInScope_WritesTheRootTraceId()
    {
        JsonElement line = WriteInsideScope(new Dictionary<string, object?>
        {
            ["xray_trace_id"] = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1",
        });

        Assert.Equal("1-5759e988-bd862e3fe1be46a994272793", line.GetProperty("xray_trace_id").GetString());
    }

    [Fact]
    public void Log_OutsideAnInvocation_OmitsInvocationFieldsAndReportsAColdStart()
    {
        JsonElement line = LoggingTestHost.WriteOneLine(
            TestEnvironmentVariables.Lambda,
            logger => logger.LogInformation("Starting"));

        Assert.Equal(JsonValueKind.True, line.GetProperty("cold_start").ValueKind);
        Assert.False(line.TryGetProperty("function_request_id", out _));
        Assert.False(line.TryGetProperty("function_arn", out _));
        Assert.False(line.TryGetProperty("xray_trace_id", out _));
    }

    [Fact]
    public void Log_OutsideAnInvocationAfterAWarmOne_ReportsAWarmStart()
    {
        using var host = new LoggingTestHost(TestEnvironmentVariables.Lambda);
        ILogger logger = host.CreateLogger();

        using (logger.BeginScope(new Dictionary<string, object?>(s_invocationScope) { ["cold_start"] = false }))
        {
            logger.LogInformation("Warm invocation");
        }

        logger.LogInformation("Between invocations");

        IReadOnlyList<JsonElement> lines = host.Lines();
        Assert.Equal(JsonValueKind.False, lines[0].GetProperty("cold_start").ValueKind);
        Assert.Equal(JsonValueKind.False, lines[1].GetProperty("cold_start").ValueKind);
    }

    [Fact]
    public void Log_WithScopeProperties_WritesThemAsTypedTopLevelFields()
    {
        JsonElement line = LoggingTestHost.WriteOneLine(
            TestEnvironmentVariables.Lambda,
            logger =>
            {
                using (logger.BeginScope(new Dictionary<string, object?> { ["tenant"] = "acme", ["attempt"] = 1 }))
                using (logger.BeginScope(new Dictionary<string, object?> { ["attempt"] = 2, ["replayed"] = true }))
                {
                    logger.LogInformation("Collecting payment");
                }
            });

        Assert.Equal("acme", line.GetProperty("tenant").GetString());
        Assert.Equal(2, line.GetProperty("attempt").GetInt32());
        Assert.Equal(JsonValueKind.True, line.GetProperty("replayed").ValueKind);
    }

    [Fact]
    public void Log_WithAStringDictionaryScope_WritesItsEntriesAsFields()
    {
        JsonElement line = WriteInsideScope(new Dictionary<string, string>
        {
            ["tenant"] = "acme",
            ["function_request_id"] = "52fdfc07-2182-154f-163f-5f0f9a621d72",
        });

        Assert.Equal("acme", line.GetProperty("tenant").GetString());
        Assert.Equal("52fdfc07-2182-154f-163f-5f0f9a621d72", line.GetProperty("function_request_id").GetString());
        Assert.False(line.TryGetProperty("scope", out _));
    }

    [Fact]
    public void Log_WithMessageTemplateProperties_WritesThemAsTypedFields()
    {
        JsonElement line = LoggingTestHost.WriteOneLine(
            TestEnvironmentVariables.Lambda,
            logger => logger.LogInformation(
                "Order {OrderId} of {Amount} for {Items}",
                42,
                12.5m,
                new[] { "book", "pen" }));

        Assert.Equal(42, line.GetProperty("OrderId").GetInt32());
        Assert.Equal(12.5m, line.GetProperty("Amount").GetDecimal());
        Assert.Equal(["book", "pen"], line.GetProperty("Items").EnumerateArray().Select(item => item.GetString()));
        Assert.False(line.TryGetProperty("{OriginalFormat}", out _));
    }

    [Fact]
    public void Log_ScopeUsesAStandardFieldName_KeepsTheStandardField()
    {
        JsonElement line = WriteInsideScope(
            new Dictionary<string, object?> { ["level"] = "spoofed", ["message"] = "spoofed" });

        Assert.Equal("Information", line.GetProperty("level").GetString());
        Assert.Equal("Collecting payment", line.GetProperty("message").GetString());
    }

    [Fact]
    public void Log_WithATextScope_WritesItInTheScopeArray()
    {
        JsonElement line = WriteInsideScope("nightly import");

        Assert.Equal(
            ["nightly import"],
            line.GetProperty("scope").EnumerateArray().Select(item => item.GetString()));
    }

    [Fact]
    public void Log_WithException_WritesTypeMessageSourceAndStackTrace()
    {
        JsonElement line = LoggingTestHost.WriteOneLine(
            TestEnvironmentVariables.Lambda,
            logger => logger.LogError(Capture(ThrowNested), "Payment failed"));

        JsonElement exception = line.GetProperty("exception");
        Assert.Equal(JsonValueKind.Object, exception.ValueKind);
        Assert.Equal(typeof(InvalidOperationException).FullName, exception.GetProperty("type").GetString());
        Assert.Equal("The payment provider refused the card.", exception.GetProperty("message").GetString());
        Assert.Equal(
            typeof(PowertoolsJsonFormatterTests).Assembly.GetName().Name,
            exception.GetProperty("source").GetString());
        Assert.Contains(
            nameof(ThrowNested),
            exception.GetProperty("stack_trace").GetString(),
            StringComparison.Ordinal);
        JsonElement inner = exception.GetProperty("inner_exception");
        Assert.Equal(typeof(TimeoutException).FullName, inner.GetProperty("type").GetString());
        Assert.Equal("The provider did not answer.", inner.GetProperty("message").GetString());
    }

    [Fact]
    public void Log_WithAggregateException_ListsEveryInnerException()
    {
        var aggregate = new AggregateException(
            new InvalidOperationException("First worker failed."),
            new TimeoutException("Second worker timed out."));

        JsonElement line = LoggingTestHost.WriteOneLine(
            TestEnvironmentVariables.Lambda,
            logger => logger.LogError(aggregate, "Batch failed"));

        JsonElement exception = line.GetProperty("exception");
        Assert.Equal(typeof(AggregateException).FullName, exception.GetProperty("type").GetString());
        Assert.False(exception.TryGetProperty("stack_trace", out _));
        IEnumerable<string?> innerTypes = exception.GetProperty("inner_exceptions")
            .EnumerateArray()
            .Select(inner => inner.GetProperty("type").GetString());
        Assert.Equal([typeof(InvalidOperationException).FullName, typeof(TimeoutException).FullName], innerTypes);
    }

    [Fact]
    public void Log_WithStructuredValues_WritesEachByItsType()
    {
        var placedAt = new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.FromHours(1));
        var orderId = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");

        JsonElement line = LoggingTestHost.WriteOneLine(
            TestEnvironmentVariables.Lambda,
            logger => logger.LogInformation(
                "{PlacedAt} {OrderId} {Signature} {Address} {Ratio}",
                placedAt,
                orderId,
                new byte[] { 1, 2, 3 },
                new Dictionary<string, object?> { ["city"] = "Lyon", ["floor"] = 3 },
                double.NaN));

        Assert.Equal("2026-03-04T05:06:07+01:00", line.GetProperty("PlacedAt").GetString());
        Assert.Equal(orderId.ToString(), line.GetProperty("OrderId").GetString());
        Assert.Equal("AQID", line.GetProperty("Signature").GetString());
        Assert.Equal("Lyon", line.GetProperty("Address").GetProperty("city").GetString());
        Assert.Equal(3, line.GetProperty("Address").GetProperty("floor").GetInt32());
        Assert.Equal("NaN", line.GetProperty("Ratio").GetString());
    }

    [Fact]
    public void Log_WithoutException_OmitsTheExceptionField()
    {
        JsonElement line = LoggingTestHost.WriteOneLine(
            TestEnvironmentVariables.Lambda,
            logger => logger.LogError("Payment failed"));

        Assert.False(line.TryGetProperty("exception", out _));
    }

    [Fact]
    public void Log_WithEventId_WritesTheEventId()
    {
        JsonElement line = LoggingTestHost.WriteOneLine(
            TestEnvironmentVariables.Lambda,
            logger => logger.LogInformation(new EventId(1201, "PaymentCollected"), "Collecting payment"));

        Assert.Equal(1201, line.GetProperty("event_id").GetInt32());
    }

    private static JsonElement WriteInsideScope(object scope) =>
        LoggingTestHost.WriteOneLine(
            TestEnvironmentVariables.Lambda,
            logger =>
            {
                using (logger.BeginScope(scope))
                {
                    logger.LogInformation("Collecting payment");
                }
            });

    private static Exception Capture(Action action)
    {
        try
        {
            action();
        }
        catch (Exception exception)
        {
            return exception;
        }

        throw new InvalidOperationException("The action was expected to throw.");
    }

    private static void ThrowNested()
    {
        try
        {
            throw new TimeoutException("The provider did not answer.");
        }
        catch (TimeoutException timeout)
        {
            throw new InvalidOperationException("The payment provider refused the card.", timeout);
        }
    }
}
