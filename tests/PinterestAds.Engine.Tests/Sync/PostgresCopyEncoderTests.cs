using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using PinterestAds.Engine.Sync;
using PinterestAds.Engine.Sync.Destinations;

namespace PinterestAds.Engine.Tests.Sync;

/// <summary>
/// The binary COPY bytes against PostgreSQL's receive formats, worked out by hand (numeric: digit count, weight,
/// sign, display scale, base-10000 digits). The PostgreSQL Pester tests then land real rows through them.
/// </summary>
public sealed class PostgresCopyEncoderTests
{
    private static readonly SyncTable AllKinds = new(new[]
    {
        new SyncColumn("AdAccountId", SyncValueKind.Text, isKey: true),
        new SyncColumn("DATE", SyncValueKind.Date, isKey: true),
        new SyncColumn("HOUR", SyncValueKind.DateTime),
        new SyncColumn("TOTAL_IMPRESSION", SyncValueKind.Integer),
        new SyncColumn("SPEND_IN_DOLLAR", SyncValueKind.Decimal),
        new SyncColumn("MetricsFinal", SyncValueKind.Boolean),
    });

    [Theory]
    [InlineData("12.5", 0, 0x0000, 1, new short[] { 12, 5000 })]
    [InlineData("0.0001", -1, 0x0000, 4, new short[] { 1 })]
    [InlineData("0.00001", -2, 0x0000, 5, new short[] { 1000 })]
    [InlineData("-123456789.01", 2, 0x4000, 2, new short[] { 1, 2345, 6789, 100 })]
    [InlineData("10000", 1, 0x0000, 0, new short[] { 1 })]
    [InlineData("1.500", 0, 0x0000, 3, new short[] { 1, 5000 })]
    [InlineData("0", 0, 0x0000, 0, new short[0])]
    [InlineData("0.00", 0, 0x0000, 2, new short[0])]
    [InlineData("-0.000150", -1, 0x4000, 6, new short[] { 1, 5000 })]
    [InlineData("79228162514264337593543950335", 7, 0x0000, 0, new short[] { 7, 9228, 1625, 1426, 4337, 5935, 4395, 335 })]
    [InlineData("0.0000000000000000000000000001", -7, 0x0000, 28, new short[] { 1 })]
    public void NumericIsWrittenInBase10000WithTheDecimalsOwnScale(string text, int weight, int sign, int scale, short[] digits)
    {
        var encoder = new PostgresCopyEncoder(AllKinds);
        encoder.WriteNumeric(decimal.Parse(text, CultureInfo.InvariantCulture));
        byte[] bytes = encoder.Buffer.AsSpan(0, encoder.Length).ToArray();

        Assert.Equal(8 + 2 * digits.Length, BinaryPrimitives.ReadInt32BigEndian(bytes));
        Assert.Equal(digits.Length, BinaryPrimitives.ReadInt16BigEndian(bytes.AsSpan(4)));
        Assert.Equal(weight, BinaryPrimitives.ReadInt16BigEndian(bytes.AsSpan(6)));
        Assert.Equal(sign, BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(8)));
        Assert.Equal(scale, BinaryPrimitives.ReadInt16BigEndian(bytes.AsSpan(10)));
        var written = Enumerable.Range(0, digits.Length).Select(i => BinaryPrimitives.ReadInt16BigEndian(bytes.AsSpan(12 + 2 * i))).ToArray();
        Assert.Equal(digits, written);
        Assert.Equal(12 + 2 * digits.Length, bytes.Length);
    }

    [Fact]
    public void AStreamIsTheSignatureTuplesOfLengthPrefixedValuesAndTheTrailer()
    {
        var encoder = new PostgresCopyEncoder(AllKinds);
        encoder.WriteHeader();
        encoder.WriteRow(new object?[] { "549755813599", new DateTime(2026, 11, 28), new DateTime(1999, 12, 31, 23, 0, 0), 42L, 1.25m, true });
        encoder.WriteRow(new object?[] { "é", new DateTime(2000, 1, 1), null, null, null, false });
        encoder.WriteTrailer();
        var reader = new Reader(encoder.Buffer.AsSpan(0, encoder.Length).ToArray());

        Assert.Equal("PGCOPY\n\xFF\r\n\0", Encoding.Latin1.GetString(reader.Take(11)));
        Assert.Equal(0, reader.Int32()); // flags
        Assert.Equal(0, reader.Int32()); // header extension

        Assert.Equal(6, reader.Int16());
        Assert.Equal("549755813599", Encoding.UTF8.GetString(reader.Field()));
        Assert.Equal((new DateTime(2026, 11, 28) - new DateTime(2000, 1, 1)).Days, BinaryPrimitives.ReadInt32BigEndian(reader.Field()));
        Assert.Equal(-3_600_000_000L, BinaryPrimitives.ReadInt64BigEndian(reader.Field())); // an hour before 2000-01-01, in microseconds
        Assert.Equal(42L, BinaryPrimitives.ReadInt64BigEndian(reader.Field()));
        Assert.Equal(8 + 2 * 2, reader.Field().Length); // 1.25 = digits 1, 2500
        Assert.Equal(new byte[] { 1 }, reader.Field());

        Assert.Equal(6, reader.Int16());
        Assert.Equal(new byte[] { 0xC3, 0xA9 }, reader.Field()); // UTF-8
        Assert.Equal(0, BinaryPrimitives.ReadInt32BigEndian(reader.Field()));
        Assert.Null(reader.FieldOrNull());
        Assert.Null(reader.FieldOrNull());
        Assert.Null(reader.FieldOrNull());
        Assert.Equal(new byte[] { 0 }, reader.Field());

        Assert.Equal(-1, reader.Int16());
        Assert.True(reader.AtEnd);
    }

    [Fact]
    public void IntegralDecimalsFitBigintAndIntegersFitNumeric()
    {
        var table = new SyncTable(new[] { new SyncColumn("A", SyncValueKind.Integer), new SyncColumn("B", SyncValueKind.Decimal) });
        var encoder = new PostgresCopyEncoder(table);
        encoder.WriteRow(new object?[] { 7m, 7L });
        var reader = new Reader(encoder.Buffer.AsSpan(0, encoder.Length).ToArray());
        Assert.Equal(2, reader.Int16());
        Assert.Equal(7L, BinaryPrimitives.ReadInt64BigEndian(reader.Field()));
        var numeric = reader.Field();
        Assert.Equal(1, BinaryPrimitives.ReadInt16BigEndian(numeric)); // one digit: 7
        Assert.Equal(7, BinaryPrimitives.ReadInt16BigEndian(numeric.AsSpan(8)));
    }

    [Fact]
    public void AValueOfAnotherTypeThanItsColumnIsRefusedNamingTheColumn()
    {
        var table = new SyncTable(new[] { new SyncColumn("TOTAL_IMPRESSION", SyncValueKind.Integer) });
        var encoder = new PostgresCopyEncoder(table);
        var error = Assert.Throws<InvalidCastException>(() => encoder.WriteRow(new object?[] { "12x" }));
        Assert.Contains("TOTAL_IMPRESSION", error.Message);
        Assert.Contains("12x", error.Message);
        Assert.Throws<InvalidCastException>(() => encoder.WriteRow(new object?[] { 1.5m }));
    }

    [Fact]
    public void ALoneSurrogateIsAnErrorNotAReplacementCharacter()
    {
        var table = new SyncTable(new[] { new SyncColumn("NAME", SyncValueKind.Text) });
        Assert.ThrowsAny<ArgumentException>(() => new PostgresCopyEncoder(table).WriteRow(new object?[] { "a\uD800b" }));
    }

    [Fact]
    public void RowsLongerThanTheBufferGrowIt()
    {
        var table = new SyncTable(new[] { new SyncColumn("NAME", SyncValueKind.Text) });
        var encoder = new PostgresCopyEncoder(table);
        var text = new string('x', PostgresCopyEncoder.ChunkBytes * 3);
        encoder.WriteRow(new object?[] { text });
        Assert.Equal(2 + 4 + text.Length, encoder.Length);
        Assert.True(encoder.IsChunkFull);
    }

    private sealed class Reader
    {
        private readonly byte[] _bytes;
        private int _offset;

        public Reader(byte[] bytes) => _bytes = bytes;

        public bool AtEnd => _offset == _bytes.Length;

        public byte[] Take(int count)
        {
            var taken = _bytes.AsSpan(_offset, count).ToArray();
            _offset += count;
            return taken;
        }

        public short Int16() => BinaryPrimitives.ReadInt16BigEndian(Take(2));

        public int Int32() => BinaryPrimitives.ReadInt32BigEndian(Take(4));

        public byte[]? FieldOrNull()
        {
            int length = Int32();
            return length < 0 ? null : Take(length);
        }

        public byte[] Field() => FieldOrNull() ?? throw new InvalidOperationException("A null where a value was expected.");
    }
}
