using Npgsql;
using PinterestAds.Engine.Sync.Destinations;

namespace PinterestAds.Engine.Tests.Sync;

/// <summary>What the PostgreSQL destination adds to the connection string it is given.</summary>
public class PostgresConnectionTests
{
    [Theory]
    [InlineData("Host=db;Database=ads", 16, 2)]
    [InlineData("Host=db;Max Auto Prepare=0", 0, 5)]
    [InlineData("Host=db;maxautoprepare=3;Auto Prepare Min Usages=4", 3, 4)]
    public void Repeated_statements_are_prepared_unless_the_connection_string_says_otherwise(string given, int maxAutoPrepare, int minUsages)
    {
        var builder = new NpgsqlConnectionStringBuilder(given);

        PostgresDestination.PrepareRepeatedStatements(builder, given);

        Assert.Equal(maxAutoPrepare, builder.MaxAutoPrepare);
        Assert.Equal(minUsages, builder.AutoPrepareMinUsages);
        Assert.Equal("db", builder.Host);
    }
}
