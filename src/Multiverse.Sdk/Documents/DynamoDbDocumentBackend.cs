using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;

namespace Multiverse.Sdk.Documents;

/// <summary>
/// Stores items in Amazon DynamoDB through the application's shared <see cref="IAmazonDynamoDB"/> client.
/// </summary>
internal sealed class DynamoDbDocumentBackend : IDocumentBackend
{
    private readonly IAmazonDynamoDB _client;

    public DynamoDbDocumentBackend(IAmazonDynamoDB client)
    {
        _client = client;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public async Task<bool> CreateTableAsync(TableSchema table, CancellationToken cancellationToken)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        void Define(KeyAttribute? key)
        {
            if (key is not null)
            {
                attributes[key.Name] = key.TypeCode;
            }
        }

        Define(table.PartitionKey);
        Define(table.SortKey);
        var request = new CreateTableRequest
        {
            TableName = table.TableName,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            KeySchema = KeySchema(table.PartitionKey, table.SortKey),
        };
        foreach (IndexSchema index in table.Indexes)
        {
            Define(index.PartitionKey);
            Define(index.SortKey);
            if (index.IsGlobal)
            {
                (request.GlobalSecondaryIndexes ??= []).Add(new GlobalSecondaryIndex
                {
                    IndexName = index.Name,
                    KeySchema = KeySchema(index.PartitionKey, index.SortKey),
                    Projection = new Projection { ProjectionType = ProjectionType.ALL },
                });
            }
            else
            {
                (request.LocalSecondaryIndexes ??= []).Add(new LocalSecondaryIndex
                {
                    IndexName = index.Name,
                    KeySchema = KeySchema(index.PartitionKey, index.SortKey),
                    Projection = new Projection { ProjectionType = ProjectionType.ALL },
                });
            }
        }

        request.AttributeDefinitions = attributes
            .Select(pair => new AttributeDefinition(pair.Key, new ScalarAttributeType(pair.Value)))
            .ToList();
        try
        {
            await _client.CreateTableAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (ResourceInUseException)
        {
            return false;
        }

        await WaitUntilActiveAsync(table.TableName, cancellationToken).ConfigureAwait(false);
        if (table.TimeToLiveAttribute is not null)
        {
            await _client.UpdateTimeToLiveAsync(
                new UpdateTimeToLiveRequest
                {
                    TableName = table.TableName,
                    TimeToLiveSpecification = new TimeToLiveSpecification
                    {
                        AttributeName = table.TimeToLiveAttribute,
                        Enabled = true,
                    },
                },
                cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    public Task<Dictionary<string, AttributeValue>?> GetAsync(
        TableSchema table,
        Dictionary<string, AttributeValue> key,
        bool consistentRead,
        CancellationToken cancellationToken) =>
        Translate(table.TableName, async () =>
        {
            GetItemResponse response = await _client.GetItemAsync(
                new GetItemRequest { TableName = table.TableName, Key = key, ConsistentRead = consistentRead },
                cancellationToken).ConfigureAwait(false);
            return response.Item is { Count: > 0 } item ? item : null;
        });

    public Task<WriteOutcome> PutAsync(
        TableSchema table,
        Dictionary<string, AttributeValue> item,
        DocumentCondition? condition,
        CancellationToken cancellationToken) =>
        Translate(table.TableName, async () =>
        {
            var request = new PutItemRequest { TableName = table.TableName, Item = item };
            if (condition is not null)
            {
                var expression = new ExpressionBuilder();
                request.ConditionExpression = condition.Render(expression);
                request.ExpressionAttributeNames = expression.Names;
                request.ExpressionAttributeValues = NullIfEmpty(expression.Values);
                request.ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD;
            }

            try
            {
                await _client.PutItemAsync(request, cancellationToken).ConfigureAwait(false);
                return new WriteOutcome(true, null);
            }
            catch (ConditionalCheckFailedException exception)
            {
                return new WriteOutcome(false, exception.Item is { Count: > 0 } previous ? previous : null);
            }
        });

    public Task<WriteOutcome> DeleteAsync(
        TableSchema table,
        Dictionary<string, AttributeValue> key,
        DocumentCondition? condition,
        CancellationToken cancellationToken) =>
        Translate(table.TableName, async () =>
        {
            var request = new DeleteItemRequest
            {
                TableName = table.TableName,
                Key = key,
                ReturnValues = ReturnValue.ALL_OLD,
            };
            if (condition is not null)
            {
                var expression = new ExpressionBuilder();
                request.ConditionExpression = condition.Render(expression);
                request.ExpressionAttributeNames = expression.Names;
                request.ExpressionAttributeValues = NullIfEmpty(expression.Values);
                request.ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD;
            }

            try
            {
                DeleteItemResponse response = await _client.DeleteItemAsync(request, cancellationToken)
                    .ConfigureAwait(false);
                return new WriteOutcome(true, response.Attributes is { Count: > 0 } previous ? previous : null);
            }
            catch (ConditionalCheckFailedException exception)
            {
                return new WriteOutcome(false, exception.Item is { Count: > 0 } previous ? previous : null);
            }
        });

    public Task<QueryResult> QueryAsync(QuerySpecification query, CancellationToken cancellationToken) =>
        Translate(query.Table.TableName, async () =>
        {
            KeyAttribute partitionKey = query.Index?.PartitionKey ?? query.Table.PartitionKey;
            KeyAttribute? sortKey = query.Index is null ? query.Table.SortKey : query.Index.SortKey;
            var expression = new ExpressionBuilder();
            string keyCondition = $"{expression.Name(partitionKey.Name)} = {expression.Value(query.PartitionKey)}";
            if (query.SortKey is not null && sortKey is not null)
            {
                string name = expression.Name(sortKey.Name);
                string value = expression.Value(query.SortKey.Value.ToAttributeValue());
                keyCondition += " AND " + query.SortKey.Operator switch
                {
                    SortKeyOperator.Equal => $"{name} = {value}",
                    SortKeyOperator.BeginsWith => $"begins_with({name}, {value})",
                    SortKeyOperator.Between =>
                        $"{name} BETWEEN {value} AND {expression.Value(query.SortKey.UpperBound.ToAttributeValue())}",
                    SortKeyOperator.LessThan => $"{name} < {value}",
                    SortKeyOperator.LessThanOrEqual => $"{name} <= {value}",
                    SortKeyOperator.GreaterThan => $"{name} > {value}",
                    _ => $"{name} >= {value}",
                };
            }

            QueryResponse response = await _client.QueryAsync(
                new QueryRequest
                {
                    TableName = query.Table.TableName,
                    IndexName = query.Index?.Name,
                    KeyConditionExpression = keyCondition,
                    ExpressionAttributeNames = expression.Names,
                    ExpressionAttributeValues = expression.Values,
                    ScanIndexForward = !query.Descending,
                    Limit = query.Limit,
                    ExclusiveStartKey = query.ExclusiveStartKey,
                    ConsistentRead = query.ConsistentRead,
                },
                cancellationToken).ConfigureAwait(false);
            return new QueryResult(
                response.Items ?? [],
                response.LastEvaluatedKey is { Count: > 0 } last ? last : null);
        });

    public Task<(List<Dictionary<string, AttributeValue>> Items, List<Dictionary<string, AttributeValue>> Unprocessed)>
        BatchGetAsync(
            TableSchema table,
            IReadOnlyList<Dictionary<string, AttributeValue>> keys,
            bool consistentRead,
            CancellationToken cancellationToken) =>
        Translate(table.TableName, async () =>
        {
            BatchGetItemResponse response = await _client.BatchGetItemAsync(
                new BatchGetItemRequest
                {
                    RequestItems = new Dictionary<string, KeysAndAttributes>(StringComparer.Ordinal)
                    {
                        [table.TableName] = new KeysAndAttributes { Keys = [.. keys], ConsistentRead = consistentRead },
                    },
                },
                cancellationToken).ConfigureAwait(false);
            List<Dictionary<string, AttributeValue>> items =
                response.Responses?.GetValueOrDefault(table.TableName) ?? [];
            List<Dictionary<string, AttributeValue>> unprocessed =
                response.UnprocessedKeys?.GetValueOrDefault(table.TableName)?.Keys ?? [];
            return (items, unprocessed);
        });

    public Task<List<BatchWrite>> BatchWriteAsync(
        TableSchema table,
        IReadOnlyList<BatchWrite> writes,
        CancellationToken cancellationToken) =>
        Translate(table.TableName, async () =>
        {
            List<WriteRequest> requests = writes
                .Select(write => write.Item is not null
                    ? new WriteRequest { PutRequest = new PutRequest { Item = write.Item } }
                    : new WriteRequest { DeleteRequest = new DeleteRequest { Key = write.Key } })
                .ToList();
            BatchWriteItemResponse response = await _client.BatchWriteItemAsync(
                new BatchWriteItemRequest
                {
                    RequestItems = new Dictionary<string, List<WriteRequest>>(StringComparer.Ordinal)
                    {
                        [table.TableName] = requests,
                    },
                },
                cancellationToken).ConfigureAwait(false);
            List<WriteRequest> unprocessed = response.UnprocessedItems?.GetValueOrDefault(table.TableName) ?? [];
            return unprocessed
                .Select(request => request.PutRequest is not null
                    ? new BatchWrite(request.PutRequest.Item, null)
                    : new BatchWrite(null, request.DeleteRequest.Key))
                .ToList();
        });

    public Task<IReadOnlyList<int>> TransactWriteAsync(
        IReadOnlyList<TransactionOperation> operations,
        CancellationToken cancellationToken) =>
        Translate(operations.Count > 0 ? operations[0].Table.TableName : string.Empty, async () =>
        {
            var items = new List<TransactWriteItem>(operations.Count);
            foreach (TransactionOperation operation in operations)
            {
                var expression = new ExpressionBuilder();
                string? condition = operation.Condition?.Render(expression);
                Dictionary<string, string>? names = condition is null ? null : expression.Names;
                Dictionary<string, AttributeValue>? values = condition is null ? null : NullIfEmpty(expression.Values);
                items.Add(operation.Kind switch
                {
                    TransactionOperationKind.Put => new TransactWriteItem
                    {
                        Put = new Put
                        {
                            TableName = operation.Table.TableName,
                            Item = operation.Item,
                            ConditionExpression = condition,
                            ExpressionAttributeNames = names,
                            ExpressionAttributeValues = values,
                        },
                    },
                    TransactionOperationKind.Delete => new TransactWriteItem
                    {
                        Delete = new Delete
                        {
                            TableName = operation.Table.TableName,
                            Key = operation.Item,
                            ConditionExpression = condition,
                            ExpressionAttributeNames = names,
                            ExpressionAttributeValues = values,
                        },
                    },
                    _ => new TransactWriteItem
                    {
                        ConditionCheck = new ConditionCheck
                        {
                            TableName = operation.Table.TableName,
                            Key = operation.Item,
                            ConditionExpression = condition,
                            ExpressionAttributeNames = names,
                            ExpressionAttributeValues = values,
                        },
                    },
                });
            }

            try
            {
                await _client.TransactWriteItemsAsync(
                    new TransactWriteItemsRequest { TransactItems = items },
                    cancellationToken).ConfigureAwait(false);
                return (IReadOnlyList<int>)[];
            }
            catch (TransactionCanceledException exception) when (HasConditionFailures(exception))
            {
                return exception.CancellationReasons
                    .Select((reason, index) => (reason.Code, index))
                    .Where(pair => pair.Code == "ConditionalCheckFailed")
                    .Select(pair => pair.index)
                    .ToList();
            }
        });

    private static bool HasConditionFailures(TransactionCanceledException exception) =>
        exception.CancellationReasons?.Any(reason => reason.Code == "ConditionalCheckFailed") == true;

    private static List<KeySchemaElement> KeySchema(KeyAttribute partitionKey, KeyAttribute? sortKey)
    {
        var schema = new List<KeySchemaElement> { new(partitionKey.Name, KeyType.HASH) };
        if (sortKey is not null)
        {
            schema.Add(new KeySchemaElement(sortKey.Name, KeyType.RANGE));
        }

        return schema;
    }

    private static Dictionary<string, AttributeValue>? NullIfEmpty(Dictionary<string, AttributeValue> values) =>
        values.Count == 0 ? null : values;

    private async Task WaitUntilActiveAsync(string tableName, CancellationToken cancellationToken)
    {
        for (int attempt = 0; attempt < 600; attempt++)
        {
            DescribeTableResponse description = await _client.DescribeTableAsync(tableName, cancellationToken)
                .ConfigureAwait(false);
            if (description.Table.TableStatus == TableStatus.ACTIVE)
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken).ConfigureAwait(false);
        }

        throw new DocumentException($"Table '{tableName}' did not become active within a minute after creation.");
    }

    private static async Task<TResult> Translate<TResult>(string tableName, Func<Task<TResult>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (ResourceNotFoundException exception)
        {
            throw DocumentErrors.TableNotFound(tableName, exception);
        }
        catch (AmazonDynamoDBException exception) when (IsThrottling(exception))
        {
            throw new DocumentThrottledException(
                $"DynamoDB throttled requests to table '{tableName}' after every retry ({exception.ErrorCode}). "
                + "Raise the table's capacity, use on-demand billing, or raise Multiverse:Aws:MaxAttempts.",
                exception);
        }
        catch (TransactionCanceledException exception)
        {
            throw new DocumentTransactionException(
                $"DynamoDB cancelled the transaction: {exception.Message}", exception);
        }
        catch (AmazonServiceException exception)
        {
            throw new DocumentException(
                $"DynamoDB refused a request on table '{tableName}': {exception.ErrorCode}: {exception.Message}",
                exception);
        }
    }

    private static bool IsThrottling(AmazonDynamoDBException exception) =>
        exception is ProvisionedThroughputExceededException or RequestLimitExceededException
        || exception.ErrorCode is "ThrottlingException" or "ProvisionedThroughputExceededException"
            or "RequestLimitExceeded";
}
