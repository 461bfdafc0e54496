using System;

namespace PinterestAds.Engine.Rows
{
    /// <summary>
    /// Creates instances of one generated row type. Obtain it from
    /// <see cref="RowTypeFactory.For{TBase}(RowSchema)"/>; it is thread-safe and cached.
    /// </summary>
    /// <typeparam name="TBase"><see cref="AnalyticsRow"/> or <see cref="ReportRow"/>.</typeparam>
    public sealed class RowActivator<TBase> where TBase : PinRow
    {
        private readonly Func<object?[], TBase> _create;

        internal RowActivator(RowSchema schema, Type rowType, Func<object?[], TBase> create)
        {
            Schema = schema;
            RowType = rowType;
            _create = create;
        }

        /// <summary>The same generated type, described by another schema of the same shape.</summary>
        internal RowActivator<TBase> WithSchema(RowSchema schema) => new(schema, RowType, _create);

        /// <summary>The columns, in property order.</summary>
        public RowSchema Schema { get; }

        /// <summary>The generated CLR type (derives from <typeparamref name="TBase"/>).</summary>
        public Type RowType { get; }

        /// <summary>A value buffer of the right length for <see cref="Create"/>.</summary>
        public object?[] CreateBuffer() => new object?[Schema.Count];

        /// <summary>
        /// Creates a row from values in schema order. The values are copied, so the buffer can be
        /// reused for the next row. Text columns must hold a <see cref="string"/> or null.
        /// </summary>
        /// <exception cref="ArgumentException">The buffer length differs from the schema's column count.</exception>
        public TBase Create(object?[] values)
        {
            if (values is null) throw new ArgumentNullException(nameof(values));
            if (values.Length != Schema.Count)
            {
                throw new ArgumentException(
                    $"Expected {Schema.Count} values (one per column of {Schema}), got {values.Length}.",
                    nameof(values));
            }
            return _create(values);
        }
    }
}
