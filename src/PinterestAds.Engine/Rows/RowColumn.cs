using System;

namespace PinterestAds.Engine.Rows
{
    /// <summary>One column of a row: its property name and value kind.</summary>
    public sealed class RowColumn : IEquatable<RowColumn>
    {
        /// <summary>Creates a column; the kind defaults to the classifier's verdict.</summary>
        public RowColumn(string name, ColumnKind? kind = null)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new ArgumentException("A row column needs a non-empty name.", nameof(name));
            }
            Name = name;
            Kind = kind ?? ColumnClassifier.Classify(name);
        }

        /// <summary>The property name (the Pinterest column name, or a fixed field name).</summary>
        public string Name { get; }

        /// <summary>How values are parsed and typed.</summary>
        public ColumnKind Kind { get; }

        /// <summary>
        /// The declared CLR type of the property: <see cref="string"/> for text, otherwise
        /// <see cref="object"/> so that the parsing fallback can keep an unexpected value.
        /// </summary>
        public Type PropertyType => Kind == ColumnKind.Text ? typeof(string) : typeof(object);

        /// <inheritdoc />
        public bool Equals(RowColumn? other) =>
            other is not null && string.Equals(Name, other.Name, StringComparison.Ordinal) && Kind == other.Kind;

        /// <inheritdoc />
        public override bool Equals(object? obj) => Equals(obj as RowColumn);

        /// <inheritdoc />
        public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Name) * 31 + (int)Kind;

        /// <inheritdoc />
        public override string ToString() => Name + ":" + Kind;
    }
}
