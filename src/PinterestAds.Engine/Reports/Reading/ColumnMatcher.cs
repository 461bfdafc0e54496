using System;
using System.Text;
using System.Text.Json;
using PinterestAds.Engine.Rows;

namespace PinterestAds.Engine.Reports.Reading
{
    /// <summary>
    /// Maps JSON property names to schema ordinals without allocating: rows of one report list
    /// their keys in a stable order, so the ordinal seen at the same position in the previous
    /// row is tried first, byte for byte; only a miss falls back to a dictionary lookup.
    /// </summary>
    internal sealed class ColumnMatcher
    {
        private byte[][] _names = Array.Empty<byte[]>();
        private RowSchema? _schema;
        private int[] _lastOrdinalAt = new int[64];

        public void Reset(RowSchema schema)
        {
            _schema = schema;
            _names = new byte[schema.Count][];
            for (int i = 0; i < schema.Count; i++) _names[i] = Encoding.UTF8.GetBytes(schema.Columns[i].Name);
            for (int i = 0; i < _lastOrdinalAt.Length; i++) _lastOrdinalAt[i] = -1;
        }

        /// <summary>The ordinal of the property name under the reader, or -1 when the schema lacks it.</summary>
        public int Match(ref Utf8JsonReader reader, int position)
        {
            if (position < _lastOrdinalAt.Length)
            {
                int guess = _lastOrdinalAt[position];
                if (guess >= 0 && reader.ValueTextEquals(_names[guess])) return guess;
            }
            else
            {
                int old = _lastOrdinalAt.Length;
                Array.Resize(ref _lastOrdinalAt, Math.Max(position + 1, old * 2));
                for (int i = old; i < _lastOrdinalAt.Length; i++) _lastOrdinalAt[i] = -1;
            }

            int ordinal = _schema!.IndexOf(reader.GetString()!);
            _lastOrdinalAt[position] = ordinal;
            return ordinal;
        }

        public void EndRow(int propertyCount)
        {
            // Nothing to do: positions beyond propertyCount keep their last guess, which is harmless.
        }
    }
}
