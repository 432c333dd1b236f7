using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Multiverse.Sdk.Documents;

namespace Multiverse.Sdk.Tests.Documents;

/// <summary>
/// The behaviours both providers must share. Each provider runs this class unchanged through a subclass that
/// supplies its fixture. Every test works in partitions of its own, so tests never see each other's items.
/// </summary>
public abstract partial class DocumentStoreContract
{
    private readonly DocumentStoreFixture _fixture;

    protected DocumentStoreContract(DocumentStoreFixture fixture)
    {
        _fixture = fixture;
    }

    private DocumentTable<Order> Orders => _fixture.Orders;

    private DocumentTable<Counter> Counters => _fixture.Counters;

    private DocumentTable<Reading> Readings => _fixture.Readings;

    private DocumentTable<Everything> Everything => _fixture.Everything;

    private static long Now => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    // ---- Get and put ----

    [Fact]
    public async Task Get_ItemNotStored_ReturnsNull()
    {
        Assert.Null(await Orders.GetAsync(NewId(), "o1"));
    }

    [Fact]
    public async Task Put_ThenGet_ReturnsTheItem()
    {
        Order order = NewOrder();

        await Orders.PutAsync(order);

        Order? stored = await Orders.GetAsync(order.CustomerId, order.OrderId);
        Assert.NotNull(stored);
        Assert.Equal(order.Total, stored.Total);
        Assert.Equal(order.Lines, stored.Lines);
    }

    [Fact]
    public async Task Put_Unconditional_ReplacesTheStoredItem()
    {
        Order order = NewOrder();
        await Orders.PutAsync(order);

        await Orders.PutAsync(order with { Total = 99m });

        Assert.Equal(99m, (await Orders.GetAsync(order.CustomerId, order.OrderId))!.Total);
    }

    [Fact]
    public async Task Put_NewVersionedItem_StoresVersionOne()
    {
        Order stored = await Orders.PutAsync(NewOrder());

        Assert.Equal(1, stored.Version);
        Assert.Equal(1, (await Orders.GetAsync(stored.CustomerId, stored.OrderId, consistentRead: true))!.Version);
    }

    [Fact]
    public async Task Put_IfNotExists_WhenNothingStored_Writes()
    {
        Order order = NewOrder();

        await Orders.PutAsync(order, PutCondition.IfNotExists);

        Assert.NotNull(await Orders.GetAsync(order.CustomerId, order.OrderId, consistentRead: true));
    }

    [Fact]
    public async Task Put_IfNotExists_WhenStored_ThrowsAlreadyExists()
    {
        Order order = NewOrder();
        await Orders.PutAsync(order);

        await Assert.ThrowsAsync<DocumentAlreadyExistsException>(() =>
            Orders.PutAsync(order with { Total = 5m }, PutCondition.IfNotExists));
        Assert.Equal(order.Total, (await Orders.GetAsync(order.CustomerId, order.OrderId, true))!.Total);
    }

    [Fact]
    public async Task Put_IfNotExists_WhenStoredItemExpired_Writes()
    {
        Order order = NewOrder() with { ExpiresAt = Now - 60 };
        await Orders.PutAsync(order);

        await Orders.PutAsync(order with { ExpiresAt = null, Total = 7m }, PutCondition.IfNotExists);

        Assert.Equal(7m, (await Orders.GetAsync(order.CustomerId, order.OrderId, true))!.Total);
    }

    [Fact]
    public async Task Put_IfVersionMatches_WithStoredVersion_WritesNextVersion()
    {
        Order stored = await Orders.PutAsync(NewOrder());

        Order updated = await Orders.PutAsync(stored with { Total = 3m }, PutCondition.IfVersionMatches);

        Assert.Equal(2, updated.Version);
        Assert.Equal(3m, (await Orders.GetAsync(stored.CustomerId, stored.OrderId, true))!.Total);
    }

    [Fact]
    public async Task Put_IfVersionMatches_WithStaleVersion_ThrowsConflictWithCurrentVersion()
    {
        Order first = await Orders.PutAsync(NewOrder());
        await Orders.PutAsync(first, PutCondition.IfVersionMatches);

        DocumentConflictException conflict = await Assert.ThrowsAsync<DocumentConflictException>(() =>
            Orders.PutAsync(first with { Total = 1m }, PutCondition.IfVersionMatches));

        Assert.Equal(2, conflict.CurrentVersion);
    }

    [Fact]
    public async Task Put_IfVersionMatches_WhenItemWasDeleted_ThrowsNotFound()
    {
        Order stored = await Orders.PutAsync(NewOrder());
        await Orders.DeleteAsync(stored.CustomerId, stored.OrderId);

        await Assert.ThrowsAsync<DocumentNotFoundException>(() =>
            Orders.PutAsync(stored, PutCondition.IfVersionMatches));
    }

    [Fact]
    public async Task Put_IfVersionMatches_VersionZeroWhenStored_ThrowsAlreadyExists()
    {
        Order order = NewOrder();
        await Orders.PutAsync(order);

        await Assert.ThrowsAsync<DocumentAlreadyExistsException>(() =>
            Orders.PutAsync(order with { Version = 0 }, PutCondition.IfVersionMatches));
    }

    [Fact]
    public async Task PutWhen_ConditionHolds_Writes()
    {
        Order order = await Orders.PutAsync(NewOrder() with { Status = "open" });

        await Orders.PutWhenAsync(order with { Status = "paid" }, DocumentCondition.EqualTo("status", "open"));

        Assert.Equal("paid", (await Orders.GetAsync(order.CustomerId, order.OrderId, true))!.Status);
    }

    [Fact]
    public async Task PutWhen_ConditionFails_ThrowsConditionFailedAndKeepsTheStoredItem()
    {
        Order order = await Orders.PutAsync(NewOrder() with { Status = "open" });

        await Assert.ThrowsAsync<DocumentConditionFailedException>(() =>
            Orders.PutWhenAsync(order with { Status = "paid" }, DocumentCondition.EqualTo("status", "closed")));
        Assert.Equal("open", (await Orders.GetAsync(order.CustomerId, order.OrderId, true))!.Status);
    }

    [Fact]
    public async Task PutWhen_IdempotencyStyleCondition_ReplacesOnlyAnExpiredRecord()
    {
        // The condition an idempotency store uses: no record yet, or the stored one has expired.
        Order live = await Orders.PutAsync(NewOrder() with { ExpiresAt = Now + 3600 });
        Order expired = await Orders.PutAsync(NewOrder() with { ExpiresAt = Now - 3600 });
        DocumentCondition replaceable =
            DocumentCondition.AttributeNotExists("customerId") | DocumentCondition.LessThan("expiresAt", Now);

        await Orders.PutWhenAsync(expired with { Total = 2m, ExpiresAt = Now + 60 }, replaceable);

        await Assert.ThrowsAsync<DocumentConditionFailedException>(() =>
            Orders.PutWhenAsync(live with { Total = 2m }, replaceable));
        Assert.Equal(2m, (await Orders.GetAsync(expired.CustomerId, expired.OrderId, true))!.Total);
    }

    [Fact]
    public async Task PutWhen_NumericComparison_ComparesNumbersNotText()
    {
        Order order = await Orders.PutAsync(NewOrder() with { Total = 9m });

        await Orders.PutWhenAsync(order with { Status = "big" }, DocumentCondition.LessThan("total", 10m));

        Assert.Equal("big", (await Orders.GetAsync(order.CustomerId, order.OrderId, true))!.Status);
    }

    [Fact]
    public async Task PutWhen_ComparisonWithOtherType_DoesNotHold()
    {
        Order order = await Orders.PutAsync(NewOrder() with { Total = 9m });

        await Assert.ThrowsAsync<DocumentConditionFailedException>(() =>
            Orders.PutWhenAsync(order, DocumentCondition.EqualTo("total", "9")));
    }

    [Fact]
    public async Task Get_ConsistentRead_SeesTheLatestWrite()
    {
        Order order = await Orders.PutAsync(NewOrder());
        await Orders.PutAsync(order with { Status = "latest" });

        Assert.Equal("latest", (await Orders.GetAsync(order.CustomerId, order.OrderId, consistentRead: true))!.Status);
    }

    // ---- Mapping ----

    [Fact]
    public async Task RoundTrip_Decimal_KeepsEveryDigit()
    {
        Everything stored = await RoundTripAsync(NewEverything() with { Money = 7922816251426433759354395033.5m });

        Assert.Equal(7922816251426433759354395033.5m, stored.Money);
    }

    [Fact]
    public async Task RoundTrip_SmallestDecimal_KeepsItsScale()
    {
        Everything stored = await RoundTripAsync(NewEverything() with { Money = 0.0000000000000000000000000001m });

        Assert.Equal(0.0000000000000000000000000001m, stored.Money);
    }

    [Fact]
    public async Task RoundTrip_StoreAsNumber_Keeps38SignificantDigits()
    {
        const string digits = "12345678901234567890123456789012345678";

        Everything stored = await RoundTripAsync(NewEverything() with { Digits = digits });

        Assert.Equal(digits, stored.Digits);
    }

    [Fact]
    public async Task Put_StoreAsNumberWithText_ThrowsArgumentException()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Everything.PutAsync(NewEverything() with { Digits = "12a" }));
    }

    [Fact]
    public async Task RoundTrip_LongAndDouble_KeepTheirValues()
    {
        Everything stored = await RoundTripAsync(NewEverything() with { Big = long.MinValue, Ratio = 0.1 + 0.2 });

        Assert.Equal(long.MinValue, stored.Big);
        Assert.Equal(0.1 + 0.2, stored.Ratio);
    }

    [Fact]
    public async Task RoundTrip_ByteArray_KeepsTheBytes()
    {
        byte[] data = [0, 1, 2, 254, 255];

        Everything stored = await RoundTripAsync(NewEverything() with { Data = data });

        Assert.Equal(data, stored.Data);
    }

    [Fact]
    public async Task RoundTrip_EmptyByteArray_StaysEmpty()
    {
        Everything stored = await RoundTripAsync(NewEverything() with { Data = [] });

        Assert.Equal([], stored.Data!);
    }

    [Fact]
    public async Task RoundTrip_NullAndEmptyString_StayDistinct()
    {
        Everything stored = await RoundTripAsync(NewEverything() with { Missing = null, Empty = string.Empty });

        Assert.Null(stored.Missing);
        Assert.Equal(string.Empty, stored.Empty);
    }

    [Fact]
    public async Task RoundTrip_NestedListsMapsAndObjects_KeepTheirStructure()
    {
        Everything item = NewEverything() with
        {
            Nested = [["a", "b"], [], ["c"]],
            Counts = new Dictionary<string, int> { ["x"] = 1, ["y"] = -2 },
            Address = new Address { Street = "Main", City = null, Photo = [9, 8] },
            History = [new Address { City = "Ghent", Photo = [1] }, new Address { Street = string.Empty, Photo = [2] }],
            Numbers = [3, 1, 2],
        };

        Everything stored = await RoundTripAsync(item);

        Assert.Equal(item.Nested, stored.Nested);
        Assert.Equal(item.Counts, stored.Counts);
        Assert.NotNull(stored.Address);
        Assert.Equal("Main", stored.Address.Street);
        Assert.Null(stored.Address.City);
        Assert.Equal([9, 8], stored.Address.Photo!);
        Assert.Equal(
            item.History.Select(address => (address.Street, address.City, address.Photo![0])),
            stored.History.Select(address => (address.Street, address.City, address.Photo![0])));
        Assert.Equal(item.Numbers, stored.Numbers);
    }

    [Fact]
    public async Task RoundTrip_StringAndNumberSets_KeepTheirMembers()
    {
        Everything stored = await RoundTripAsync(NewEverything() with { Tags = ["red", "blue"], Scores = [3, -1, 10] });

        Assert.True(stored.Tags.SetEquals(["red", "blue"]));
        Assert.True(stored.Scores.SetEquals([3, -1, 10]));
    }

    [Fact]
    public async Task RoundTrip_EmptySets_ReadBackEmpty()
    {
        Everything stored = await RoundTripAsync(NewEverything() with { Tags = [], Scores = [] });

        Assert.Empty(stored.Tags);
        Assert.Empty(stored.Scores);
    }

    [Fact]
    public async Task RoundTrip_GuidDateAndBoolean_KeepTheirValues()
    {
        var reference = Guid.NewGuid();
        var at = new DateTimeOffset(2026, 12, 3, 17, 45, 12, 345, TimeSpan.FromHours(2));

        Everything stored = await RoundTripAsync(NewEverything() with { Reference = reference, At = at, Flag = true });

        Assert.Equal(reference, stored.Reference);
        Assert.Equal(at, stored.At);
        Assert.True(stored.Flag);
    }

    // ---- Update ----

    [Fact]
    public async Task Update_AppliesTheMutationAndIncrementsTheVersion()
    {
        Counter counter = await Counters.PutAsync(new Counter { Id = NewId(), Count = 1 });

        Counter updated = await Counters.UpdateAsync(counter.Id, default, c => c with { Count = c.Count + 1 });

        Assert.Equal(2, updated.Count);
        Assert.Equal(2, updated.Version);
        Assert.Equal(2, (await Counters.GetAsync(counter.Id, consistentRead: true))!.Count);
    }

    [Fact]
    public async Task Update_ItemNotStored_ThrowsNotFound()
    {
        await Assert.ThrowsAsync<DocumentNotFoundException>(() =>
            Counters.UpdateAsync(NewId(), default, c => c with { Count = 1 }));
    }

    [Fact]
    public async Task Update_ExpiredItem_ThrowsNotFound()
    {
        Order order = await Orders.PutAsync(NewOrder() with { ExpiresAt = Now - 10 });

        await Assert.ThrowsAsync<DocumentNotFoundException>(() =>
            Orders.UpdateAsync(order.CustomerId, order.OrderId, o => o with { Total = 1m }));
    }

    [Fact]
    public async Task Update_MutationChangesTheKey_ThrowsAndKeepsTheItem()
    {
        Counter counter = await Counters.PutAsync(new Counter { Id = NewId(), Count = 1 });

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Counters.UpdateAsync(counter.Id, default, c => c with { Id = "other" + c.Id }));
        Assert.Equal(1, (await Counters.GetAsync(counter.Id, consistentRead: true))!.Count);
    }

    [Fact]
    public async Task Update_TableWithoutVersion_ThrowsInvalidOperation()
    {
        Everything item = await Everything.PutAsync(NewEverything());

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Everything.UpdateAsync(item.Id, default, e => e with { Flag = true }));
    }

    [Fact]
    public async Task Update_ConcurrentChangeDuringMutation_RetriesOnTheNewItem()
    {
        Counter counter = await Counters.PutAsync(new Counter { Id = NewId(), Count = 0 });
        int calls = 0;

        Counter updated = await Counters.UpdateAsync(counter.Id, default, c =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                Counters.PutAsync(c with { Count = 10 }).GetAwaiter().GetResult();
            }

            return c with { Count = c.Count + 1 };
        });

        Assert.Equal(2, calls);
        Assert.Equal(11, updated.Count);
    }

    [Fact]
    public async Task Update_64ParallelIncrements_EndAtExactly64()
    {
        Counter counter = await Counters.PutAsync(new Counter { Id = NewId(), Count = 0 });

        await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(() =>
            Counters.UpdateAsync(counter.Id, default, c => c with { Count = c.Count + 1 }))));

        Counter final = (await Counters.GetAsync(counter.Id, consistentRead: true))!;
        Assert.Equal(64, final.Count);
        Assert.Equal(65, final.Version);
    }

    [Fact]
    public async Task Update_ConflictOnEveryAttempt_ThrowsConflictAfterTheLimit()
    {
        IHost host = await _fixture.StartHostAsync(DocumentStoreFixture.DeclareTables, new Dictionary<string, string?>
        {
            ["Multiverse:Documents:MaxUpdateAttempts"] = "2",
        });
        DocumentTable<Counter> counters = host.Services.GetRequiredService<DocumentTable<Counter>>();
        Counter counter = await counters.PutAsync(new Counter { Id = NewId() });

        await Assert.ThrowsAsync<DocumentConflictException>(() => counters.UpdateAsync(counter.Id, default, c =>
        {
            counters.PutAsync(c).GetAwaiter().GetResult();
            return c with { Count = c.Count + 1 };
        }));
    }

    // ---- Delete ----

    [Fact]
    public async Task Delete_StoredItem_ReturnsTrueAndRemovesIt()
    {
        Order order = await Orders.PutAsync(NewOrder());

        Assert.True(await Orders.DeleteAsync(order.CustomerId, order.OrderId));
        Assert.Null(await Orders.GetAsync(order.CustomerId, order.OrderId, true));
    }

    [Fact]
    public async Task Delete_ItemNotStored_ReturnsFalse()
    {
        Assert.False(await Orders.DeleteAsync(NewId(), "none"));
    }

    [Fact]
    public async Task Delete_ExpiredItem_ReturnsFalse()
    {
        Order order = await Orders.PutAsync(NewOrder() with { ExpiresAt = Now - 10 });

        Assert.False(await Orders.DeleteAsync(order.CustomerId, order.OrderId));
    }

    [Fact]
    public async Task DeleteItem_IfExistsWhenNotStored_ThrowsNotFound()
    {
        await Assert.ThrowsAsync<DocumentNotFoundException>(() =>
            Orders.DeleteItemAsync(NewOrder(), DeleteCondition.IfExists));
    }

    [Fact]
    public async Task DeleteItem_IfVersionMatchesWithStaleVersion_ThrowsConflictAndKeepsTheItem()
    {
        Order first = await Orders.PutAsync(NewOrder());
        await Orders.PutAsync(first);

        await Assert.ThrowsAsync<DocumentConflictException>(() =>
            Orders.DeleteItemAsync(first, DeleteCondition.IfVersionMatches));
        Assert.NotNull(await Orders.GetAsync(first.CustomerId, first.OrderId, true));
    }

    [Fact]
    public async Task DeleteItem_IfVersionMatchesWithCurrentVersion_Deletes()
    {
        Order stored = await Orders.PutAsync(NewOrder());

        await Orders.DeleteItemAsync(stored, DeleteCondition.IfVersionMatches);

        Assert.Null(await Orders.GetAsync(stored.CustomerId, stored.OrderId, true));
    }

    [Fact]
    public async Task DeleteWhen_ConditionFails_ThrowsConditionFailedAndKeepsTheItem()
    {
        Order order = await Orders.PutAsync(NewOrder() with { Status = "open" });

        await Assert.ThrowsAsync<DocumentConditionFailedException>(() => Orders.DeleteWhenAsync(
            new DocumentKey(order.CustomerId, order.OrderId),
            DocumentCondition.EqualTo("status", "closed")));
        Assert.NotNull(await Orders.GetAsync(order.CustomerId, order.OrderId, true));
    }

    // ---- Query ----

    [Fact]
    public async Task Query_ReturnsThePartitionInSortKeyOrder()
    {
        string customer = await SeedOrdersAsync("c", "a", "b");

        DocumentPage<Order> page = await Orders.QueryAsync(new DocumentQuery { PartitionKey = customer });

        Assert.Equal(["a", "b", "c"], page.Items.Select(order => order.OrderId));
        Assert.Null(page.ContinuationToken);
    }

    [Fact]
    public async Task Query_Descending_ReturnsReverseOrder()
    {
        string customer = await SeedOrdersAsync("a", "b", "c");

        DocumentPage<Order> page = await Orders.QueryAsync(
            new DocumentQuery { PartitionKey = customer, Descending = true });

        Assert.Equal(["c", "b", "a"], page.Items.Select(order => order.OrderId));
    }

    [Theory]
    [InlineData("EqualTo", "b", "b")]
    [InlineData("BeginsWith", "b", "b,ba,bb")]
    [InlineData("LessThan", "b", "a")]
    [InlineData("LessThanOrEqualTo", "b", "a,b")]
    [InlineData("GreaterThan", "ba", "bb,c")]
    [InlineData("GreaterThanOrEqualTo", "ba", "ba,bb,c")]
    public async Task Query_SortKeyCondition_SelectsTheMatchingItems(string condition, string value, string expected)
    {
        string customer = await SeedOrdersAsync("a", "b", "ba", "bb", "c");
        SortKeyCondition sortKey = condition switch
        {
            "EqualTo" => SortKeyCondition.EqualTo(value),
            "BeginsWith" => SortKeyCondition.BeginsWith(value),
            "LessThan" => SortKeyCondition.LessThan(value),
            "LessThanOrEqualTo" => SortKeyCondition.LessThanOrEqualTo(value),
            "GreaterThan" => SortKeyCondition.GreaterThan(value),
            _ => SortKeyCondition.GreaterThanOrEqualTo(value),
        };

        DocumentPage<Order> page = await Orders.QueryAsync(
            new DocumentQuery { PartitionKey = customer, SortKey = sortKey });

        Assert.Equal(expected.Split(','), page.Items.Select(order => order.OrderId));
    }

    [Fact]
    public async Task Query_Between_IncludesBothBounds()
    {
        string customer = await SeedOrdersAsync("a", "b", "c", "d");

        DocumentPage<Order> page = await Orders.QueryAsync(new DocumentQuery
        {
            PartitionKey = customer,
            SortKey = SortKeyCondition.Between("b", "c"),
        });

        Assert.Equal(["b", "c"], page.Items.Select(order => order.OrderId));
    }

    [Fact]
    public async Task Query_PageSize_PagesThroughEveryItemOnce()
    {
        string customer = await SeedOrdersAsync([.. Enumerable.Range(0, 7).Select(i => $"o{i}")]);
        var seen = new List<string>();
        string? token = null;
        int pages = 0;

        do
        {
            DocumentPage<Order> page = await Orders.QueryAsync(new DocumentQuery
            {
                PartitionKey = customer,
                PageSize = 3,
                ContinuationToken = token,
            });
            Assert.True(page.Items.Count <= 3);
            seen.AddRange(page.Items.Select(order => order.OrderId));
            token = page.ContinuationToken;
            pages++;
        }
        while (token is not null);

        Assert.Equal(Enumerable.Range(0, 7).Select(i => $"o{i}"), seen);
        Assert.InRange(pages, 3, 4);
    }

    [Fact]
    public async Task Query_ContinuationToken_IsUrlSafe()
    {
        string customer = await SeedOrdersAsync("a+/=?&", "b");

        DocumentPage<Order> page = await Orders.QueryAsync(new DocumentQuery { PartitionKey = customer, PageSize = 1 });

        Assert.NotNull(page.ContinuationToken);
        Assert.Matches(UrlSafe(), page.ContinuationToken);
    }

    [Fact]
    public async Task Query_MalformedContinuationToken_ThrowsInvalidContinuationToken()
    {
        await Assert.ThrowsAsync<InvalidContinuationTokenException>(() => Orders.QueryAsync(new DocumentQuery
        {
            PartitionKey = NewId(),
            ContinuationToken = "not-a-token!",
        }));
    }

    [Fact]
    public async Task Query_ContinuationTokenOfAnotherPartition_ThrowsInvalidContinuationToken()
    {
        string customer = await SeedOrdersAsync("a", "b");
        DocumentPage<Order> page = await Orders.QueryAsync(new DocumentQuery { PartitionKey = customer, PageSize = 1 });

        await Assert.ThrowsAsync<InvalidContinuationTokenException>(() => Orders.QueryAsync(new DocumentQuery
        {
            PartitionKey = NewId(),
            ContinuationToken = page.ContinuationToken,
        }));
    }

    [Fact]
    public async Task QueryAll_EnumeratesEveryPage()
    {
        string customer = await SeedOrdersAsync([.. Enumerable.Range(10, 25).Select(i => $"o{i}")]);

        List<Order> all = await ToListAsync(
            Orders.QueryAllAsync(new DocumentQuery { PartitionKey = customer, PageSize = 4 }));

        Assert.Equal(Enumerable.Range(10, 25).Select(i => $"o{i}"), all.Select(order => order.OrderId));
    }

    [Fact]
    public async Task Query_ExpiredItems_AreNotReturned()
    {
        string customer = NewId();
        await Orders.PutAsync(NewOrder(customer, "live") with { ExpiresAt = Now + 3600 });
        await Orders.PutAsync(NewOrder(customer, "gone") with { ExpiresAt = Now - 3600 });

        DocumentPage<Order> page = await Orders.QueryAsync(new DocumentQuery { PartitionKey = customer });

        Assert.Equal(["live"], page.Items.Select(order => order.OrderId));
    }

    [Fact]
    public async Task Query_NumericSortKey_OrdersByValue()
    {
        string sensor = NewId();
        decimal[] positions = [10m, -2.5m, 0m, 1.25m, -10m, 9.99m, 100m, 0.001m];
        foreach (decimal position in positions)
        {
            await Readings.PutAsync(new Reading { Sensor = sensor, Position = position });
        }

        DocumentPage<Reading> page = await Readings.QueryAsync(new DocumentQuery { PartitionKey = sensor });

        Assert.Equal(positions.Order(), page.Items.Select(reading => reading.Position));
    }

    [Fact]
    public async Task Query_NumericBetween_ComparesNumerically()
    {
        string sensor = NewId();
        foreach (decimal position in new[] { 2m, 10m, 100m })
        {
            await Readings.PutAsync(new Reading { Sensor = sensor, Position = position });
        }

        DocumentPage<Reading> page = await Readings.QueryAsync(new DocumentQuery
        {
            PartitionKey = sensor,
            SortKey = SortKeyCondition.Between(3m, 50m),
        });

        Assert.Equal([10m], page.Items.Select(reading => reading.Position));
    }

    [Fact]
    public async Task Put_SameNumberWrittenDifferently_IsOneKey()
    {
        string sensor = NewId();
        await Readings.PutAsync(new Reading { Sensor = sensor, Position = 1.50m, Label = "first" });
        await Readings.PutAsync(new Reading { Sensor = sensor, Position = 1.5m, Label = "second" });

        DocumentPage<Reading> page = await Readings.QueryAsync(new DocumentQuery { PartitionKey = sensor });

        Assert.Equal("second", Assert.Single(page.Items).Label);
    }

    [Fact]
    public async Task Query_GlobalIndex_ReturnsItemsOrderedByTheIndexSortKey()
    {
        string status = NewId();
        await Orders.PutAsync(NewOrder() with { Status = status, Total = 30m });
        await Orders.PutAsync(NewOrder() with { Status = status, Total = 10m });
        await Orders.PutAsync(NewOrder() with { Status = status, Total = 20m });

        DocumentPage<Order> page = await Orders.QueryAsync(
            new DocumentQuery { PartitionKey = status, IndexName = "ByStatus" });

        Assert.Equal([10m, 20m, 30m], page.Items.Select(order => order.Total));
    }

    [Fact]
    public async Task Query_GlobalIndex_LeavesOutItemsWithoutTheIndexKey()
    {
        string customer = NewId();
        string status = NewId();
        await Orders.PutAsync(NewOrder(customer, "with") with { Status = status });
        await Orders.PutAsync(NewOrder(customer, "without") with { Status = null });

        DocumentPage<Order> page = await Orders.QueryAsync(
            new DocumentQuery { PartitionKey = status, IndexName = "ByStatus" });

        Assert.Equal(["with"], page.Items.Select(order => order.OrderId));
        Assert.Null((await Orders.GetAsync(customer, "without", true))!.Status);
    }

    [Fact]
    public async Task Query_GlobalIndex_PagesWithContinuationTokens()
    {
        string status = NewId();
        for (int index = 0; index < 5; index++)
        {
            await Orders.PutAsync(NewOrder() with { Status = status, Total = 7m });
        }

        List<Order> all = await ToListAsync(Orders.QueryAllAsync(new DocumentQuery
        {
            PartitionKey = status,
            IndexName = "ByStatus",
            PageSize = 2,
        }));

        Assert.Equal(5, all.Select(order => order.CustomerId).Distinct().Count());
    }

    [Fact]
    public async Task Query_GlobalIndex_ReflectsUpdatesAndDeletes()
    {
        string status = NewId();
        Order moved = await Orders.PutAsync(NewOrder() with { Status = status });
        Order deleted = await Orders.PutAsync(NewOrder() with { Status = status });
        await Orders.PutAsync(moved with { Status = NewId() });
        await Orders.DeleteAsync(deleted.CustomerId, deleted.OrderId);

        DocumentPage<Order> page = await Orders.QueryAsync(
            new DocumentQuery { PartitionKey = status, IndexName = "ByStatus" });

        Assert.Empty(page.Items);
    }

    [Fact]
    public async Task Query_LocalIndex_OrdersByItsSortKey()
    {
        string customer = NewId();
        await Orders.PutAsync(NewOrder(customer, "a") with { CreatedAt = "2026-03" });
        await Orders.PutAsync(NewOrder(customer, "b") with { CreatedAt = "2026-01" });
        await Orders.PutAsync(NewOrder(customer, "c") with { CreatedAt = "2026-02" });

        DocumentPage<Order> page = await Orders.QueryAsync(new DocumentQuery
        {
            PartitionKey = customer,
            IndexName = "ByCreatedAt",
            SortKey = SortKeyCondition.GreaterThanOrEqualTo("2026-02"),
            ConsistentRead = true,
        });

        Assert.Equal(["c", "a"], page.Items.Select(order => order.OrderId));
    }

    [Fact]
    public async Task Query_UnknownIndex_ThrowsArgumentException()
    {
        await Assert.ThrowsAsync<ArgumentException>(() =>
            Orders.QueryAsync(new DocumentQuery { PartitionKey = "x", IndexName = "Nope" }));
    }

    [Fact]
    public async Task Query_ConsistentReadOnGlobalIndex_ThrowsArgumentException()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Orders.QueryAsync(
            new DocumentQuery { PartitionKey = "x", IndexName = "ByStatus", ConsistentRead = true }));
    }

    [Fact]
    public async Task Query_BeginsWithOnNumericSortKey_ThrowsArgumentException()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Readings.QueryAsync(
            new DocumentQuery { PartitionKey = "x", SortKey = SortKeyCondition.BeginsWith(1) }));
    }

    [Fact]
    public async Task Query_PartitionKeyOfTheWrongType_ThrowsKeyException()
    {
        await Assert.ThrowsAsync<DocumentKeyException>(() => Orders.QueryAsync(new DocumentQuery { PartitionKey = 5 }));
    }

    // ---- Batches ----

    [Fact]
    public async Task BatchPut_MoreThanOneRequest_ThenBatchGetReadsThemAll()
    {
        string customer = NewId();
        Order[] orders = [.. Enumerable.Range(0, 130).Select(i => NewOrder(customer, $"o{i:D3}"))];

        await Orders.BatchPutAsync(orders);
        IReadOnlyList<Order> read = await Orders.BatchGetAsync(
            orders.Select(order => new DocumentKey(order.CustomerId, order.OrderId)),
            consistentRead: true);

        Assert.Equal(orders.Select(order => order.OrderId), read.Select(order => order.OrderId).Order());
    }

    [Fact]
    public async Task BatchGet_KeysNotStored_AreLeftOut()
    {
        Order order = await Orders.PutAsync(NewOrder());

        IReadOnlyList<Order> read = await Orders.BatchGetAsync(
            [new DocumentKey(order.CustomerId, order.OrderId), new DocumentKey(NewId(), "none")],
            consistentRead: true);

        Assert.Equal(order.OrderId, Assert.Single(read).OrderId);
    }

    [Fact]
    public async Task BatchGet_DuplicateKeys_ReturnTheItemOnce()
    {
        Order order = await Orders.PutAsync(NewOrder());
        var key = new DocumentKey(order.CustomerId, order.OrderId);

        IReadOnlyList<Order> read = await Orders.BatchGetAsync([key, key], consistentRead: true);

        Assert.Single(read);
    }

    [Fact]
    public async Task BatchGet_ExpiredItems_AreLeftOut()
    {
        Order order = await Orders.PutAsync(NewOrder() with { ExpiresAt = Now - 5 });

        IReadOnlyList<Order> read = await Orders.BatchGetAsync(
            [new DocumentKey(order.CustomerId, order.OrderId)],
            consistentRead: true);

        Assert.Empty(read);
    }

    [Fact]
    public async Task BatchDelete_RemovesEveryItem()
    {
        string customer = NewId();
        Order[] orders = [.. Enumerable.Range(0, 60).Select(i => NewOrder(customer, $"o{i:D2}"))];
        await Orders.BatchPutAsync(orders);

        await Orders.BatchDeleteAsync(orders.Select(order => new DocumentKey(order.CustomerId, order.OrderId)));

        DocumentPage<Order> page = await Orders.QueryAsync(
            new DocumentQuery { PartitionKey = customer, ConsistentRead = true });
        Assert.Empty(page.Items);
    }

    [Fact]
    public async Task BatchPut_DuplicateKeys_ThrowsAndWritesNothing()
    {
        Order order = NewOrder();

        await Assert.ThrowsAsync<ArgumentException>(() => Orders.BatchPutAsync([order, order with { Total = 2m }]));
        Assert.Null(await Orders.GetAsync(order.CustomerId, order.OrderId, true));
    }

    // ---- Transactions ----

    [Fact]
    public async Task Transaction_AllConditionsHold_AppliesEveryOperation()
    {
        Order existing = await Orders.PutAsync(NewOrder());
        Order created = NewOrder();
        var counter = new Counter { Id = NewId(), Count = 5 };

        await _fixture.Store.CreateTransaction()
            .Put(Orders, created, PutCondition.IfNotExists)
            .Put(Counters, counter)
            .Delete(Orders, new DocumentKey(existing.CustomerId, existing.OrderId))
            .CommitAsync();

        Assert.NotNull(await Orders.GetAsync(created.CustomerId, created.OrderId, true));
        Assert.Equal(5, (await Counters.GetAsync(counter.Id, consistentRead: true))!.Count);
        Assert.Null(await Orders.GetAsync(existing.CustomerId, existing.OrderId, true));
    }

    [Fact]
    public async Task Transaction_OneConditionFails_AppliesNothingAndNamesTheOperation()
    {
        Order existing = await Orders.PutAsync(NewOrder());
        Order created = NewOrder();

        DocumentTransactionException failure = await Assert.ThrowsAsync<DocumentTransactionException>(() =>
            _fixture.Store.CreateTransaction()
                .Put(Orders, created)
                .Put(Orders, existing, PutCondition.IfNotExists)
                .CommitAsync());

        Assert.Equal([1], failure.FailedOperations);
        Assert.Null(await Orders.GetAsync(created.CustomerId, created.OrderId, true));
    }

    [Fact]
    public async Task Transaction_ConditionCheckFails_AppliesNothing()
    {
        Counter counter = await Counters.PutAsync(new Counter { Id = NewId(), Count = 1 });
        Order created = NewOrder();

        DocumentTransactionException failure = await Assert.ThrowsAsync<DocumentTransactionException>(() =>
            _fixture.Store.CreateTransaction()
                .ConditionCheck(Counters, new DocumentKey(counter.Id), DocumentCondition.GreaterThan("count", 1))
                .Put(Orders, created)
                .CommitAsync());

        Assert.Equal([0], failure.FailedOperations);
        Assert.Null(await Orders.GetAsync(created.CustomerId, created.OrderId, true));
    }

    [Fact]
    public async Task Transaction_StaleVersion_FailsAndKeepsTheStoredItem()
    {
        Counter first = await Counters.PutAsync(new Counter { Id = NewId(), Count = 1 });
        await Counters.PutAsync(first with { Count = 2 });

        await Assert.ThrowsAsync<DocumentTransactionException>(() => _fixture.Store.CreateTransaction()
            .Put(Counters, first with { Count = 3 }, PutCondition.IfVersionMatches)
            .CommitAsync());
        Assert.Equal(2, (await Counters.GetAsync(first.Id, consistentRead: true))!.Count);
    }

    [Fact]
    public async Task Transaction_DeleteItemWithCurrentVersion_Deletes()
    {
        Counter counter = await Counters.PutAsync(new Counter { Id = NewId() });

        await _fixture.Store.CreateTransaction()
            .DeleteItem(Counters, counter, DeleteCondition.IfVersionMatches)
            .CommitAsync();

        Assert.Null(await Counters.GetAsync(counter.Id, consistentRead: true));
    }

    [Fact]
    public async Task Transaction_OneHundredOperations_AreAppliedTogether()
    {
        string customer = NewId();
        DocumentTransaction transaction = _fixture.Store.CreateTransaction();
        for (int index = 0; index < DocumentTransaction.MaxOperations; index++)
        {
            transaction.Put(Orders, NewOrder(customer, $"o{index:D3}"));
        }

        await transaction.CommitAsync();

        List<Order> all = await ToListAsync(Orders.QueryAllAsync(new DocumentQuery { PartitionKey = customer }));
        Assert.Equal(100, all.Count);
    }

    [Fact]
    public void Transaction_MoreThanOneHundredOperations_Throws()
    {
        string customer = NewId();
        DocumentTransaction transaction = _fixture.Store.CreateTransaction();
        for (int index = 0; index < DocumentTransaction.MaxOperations; index++)
        {
            transaction.Put(Orders, NewOrder(customer, $"o{index:D3}"));
        }

        Assert.Throws<InvalidOperationException>(() => transaction.Put(Orders, NewOrder(customer, "extra")));
    }

    [Fact]
    public void Transaction_SameItemTwice_Throws()
    {
        Order order = NewOrder();
        DocumentTransaction transaction = _fixture.Store.CreateTransaction().Put(Orders, order);

        Assert.Throws<ArgumentException>(() =>
            transaction.Delete(Orders, new DocumentKey(order.CustomerId, order.OrderId)));
    }

    // ---- TTL ----

    [Fact]
    public async Task Get_ExpiredItem_ReturnsNull()
    {
        Order order = await Orders.PutAsync(NewOrder() with { ExpiresAt = Now - 1 });

        Assert.Null(await Orders.GetAsync(order.CustomerId, order.OrderId, true));
    }

    [Fact]
    public async Task Get_ItemThatExpiresLater_ReturnsIt()
    {
        Order order = await Orders.PutAsync(NewOrder() with { ExpiresAt = Now + 3600 });

        Assert.NotNull(await Orders.GetAsync(order.CustomerId, order.OrderId, true));
    }

    // ---- Keys, sizes and tables ----

    [Fact]
    public async Task Put_BinaryPartitionKey_ReadsBackByTheSameBytes()
    {
        byte[] id = [.. Guid.NewGuid().ToByteArray(), 0, 255];
        await _fixture.Blobs.PutAsync(new Blob { Id = id, Note = "binary" });

        Assert.Equal("binary", (await _fixture.Blobs.GetAsync(id, consistentRead: true))!.Note);
    }

    [Fact]
    public async Task Put_ItemOver400KB_ThrowsTooLargeAndWritesNothing()
    {
        Order order = NewOrder() with { Lines = [new string('x', 410 * 1024)] };

        DocumentTooLargeException failure = await Assert.ThrowsAsync<DocumentTooLargeException>(() =>
            Orders.PutAsync(order));

        Assert.True(failure.Size > 400 * 1024);
        Assert.Null(await Orders.GetAsync(order.CustomerId, order.OrderId, true));
    }

    [Fact]
    public async Task Put_ItemJustUnder400KB_IsStored()
    {
        Order order = NewOrder() with { Lines = [new string('x', 395 * 1024)] };

        await Orders.PutAsync(order);

        Assert.Equal(order.Lines, (await Orders.GetAsync(order.CustomerId, order.OrderId, true))!.Lines);
    }

    [Fact]
    public async Task Put_EmptyPartitionKey_ThrowsKeyException()
    {
        await Assert.ThrowsAsync<DocumentKeyException>(() =>
            Orders.PutAsync(NewOrder() with { CustomerId = string.Empty }));
    }

    [Fact]
    public async Task Put_MissingSortKey_ThrowsKeyException()
    {
        await Assert.ThrowsAsync<DocumentKeyException>(() => Orders.PutAsync(NewOrder() with { OrderId = null! }));
    }

    [Fact]
    public async Task Get_EmptySortKey_ThrowsKeyException()
    {
        await Assert.ThrowsAsync<DocumentKeyException>(() => Orders.GetAsync(NewId(), string.Empty));
    }

    [Fact]
    public async Task Get_NoSortKeyOnACompositeKeyTable_ThrowsKeyException()
    {
        await Assert.ThrowsAsync<DocumentKeyException>(() => Orders.GetAsync(NewId()));
    }

    [Fact]
    public async Task Get_SortKeyOnAPartitionKeyOnlyTable_ThrowsKeyException()
    {
        await Assert.ThrowsAsync<DocumentKeyException>(() => Counters.GetAsync(NewId(), "extra"));
    }

    [Fact]
    public async Task Get_TableThatDoesNotExist_ThrowsTableNotFoundNamingIt()
    {
        IHost host = await _fixture.StartHostAsync(
            documents => documents.AddTable(
                "Ghosts",
                DocumentsTestJsonContext.Default.Ghost,
                table => table.PartitionKey(ghost => ghost.Id)),
            new Dictionary<string, string?>
            {
                ["Multiverse:Documents:CreateTables"] = "false",
                ["Multiverse:Documents:Tables:Ghosts"] = "ghosts-never-created",
            });
        DocumentTable<Ghost> ghosts = host.Services.GetRequiredService<DocumentTable<Ghost>>();

        DocumentTableNotFoundException failure = await Assert.ThrowsAsync<DocumentTableNotFoundException>(() =>
            ghosts.GetAsync("x"));

        Assert.Equal("ghosts-never-created", failure.TableName);
        Assert.Contains("ghosts-never-created", failure.Message, StringComparison.Ordinal);
        Assert.Contains("CreateTables", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateIfNotExists_ExistingTable_ReturnsFalse()
    {
        Assert.False(await Orders.CreateIfNotExistsAsync());
    }

    private static string NewId() => Guid.NewGuid().ToString("N");

    private static Order NewOrder(string? customer = null, string? orderId = null) => new()
    {
        CustomerId = customer ?? NewId(),
        OrderId = orderId ?? NewId(),
        Status = "new",
        Total = 12.34m,
        Lines = ["book", "pen"],
    };

    private static Everything NewEverything() => new() { Id = NewId() };

    private async Task<Everything> RoundTripAsync(Everything item)
    {
        await Everything.PutAsync(item);
        return (await Everything.GetAsync(item.Id, consistentRead: true))!;
    }

    private async Task<string> SeedOrdersAsync(params string[] orderIds)
    {
        string customer = NewId();
        foreach (string orderId in orderIds)
        {
            await Orders.PutAsync(NewOrder(customer, orderId));
        }

        return customer;
    }

    private static async Task<List<TItem>> ToListAsync<TItem>(IAsyncEnumerable<TItem> items)
    {
        var list = new List<TItem>();
        await foreach (TItem item in items)
        {
            list.Add(item);
        }

        return list;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex UrlSafe();
}

public sealed class EmbeddedDocumentStoreTests : DocumentStoreContract, IClassFixture<EmbeddedDocumentStoreFixture>
{
    public EmbeddedDocumentStoreTests(EmbeddedDocumentStoreFixture fixture)
        : base(fixture)
    {
    }
}

public sealed class DynamoDbDocumentStoreTests : DocumentStoreContract, IClassFixture<DynamoDbDocumentStoreFixture>
{
    public DynamoDbDocumentStoreTests(DynamoDbDocumentStoreFixture fixture)
        : base(fixture)
    {
    }
}
