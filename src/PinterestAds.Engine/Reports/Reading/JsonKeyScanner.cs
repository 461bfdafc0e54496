using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Threading;

namespace PinterestAds.Engine.Reports.Reading
{
    /// <summary>
    /// One streaming pass over a JSON report collecting the keys used inside rows, in the order
    /// first seen, without parsing values. Lets the reader declare every column up front.
    /// </summary>
    internal static class JsonKeyScanner
    {
        public static IReadOnlyList<string> CollectRowKeys(Stream stream, int maxRecordBytes, CancellationToken cancellationToken)
        {
            var buffer = new RollingBuffer(stream, maxRecordBytes);
            var keys = new List<string>();
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var state = new JsonReaderState();
            var keyBytes = new List<byte[]>();
            var lastAt = new List<int>();   // key index seen at each position of the previous row
            int keyDepth = -1;
            int position = 0;
            while (true)
            {
                var reader = new Utf8JsonReader(buffer.Available, buffer.IsFinal, state);
                try
                {
                    while (reader.Read())
                    {
                        if (keyDepth < 0 && reader.CurrentDepth == 0)
                        {
                            keyDepth = reader.TokenType == JsonTokenType.StartArray ? 2 : 3;
                        }
                        if (reader.TokenType == JsonTokenType.StartObject && reader.CurrentDepth == keyDepth - 1) position = 0;
                        if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != keyDepth) continue;
                        // Rows repeat the previous row's key order; compare bytes before allocating.
                        if (position < lastAt.Count && reader.ValueTextEquals(keyBytes[lastAt[position]]))
                        {
                            position++;
                            continue;
                        }
                        string key = reader.GetString()!;
                        if (seen.Add(key))
                        {
                            keys.Add(key);
                            keyBytes.Add(System.Text.Encoding.UTF8.GetBytes(key));
                        }
                        int index = IndexOf(keys, key);
                        if (position < lastAt.Count) lastAt[position] = index;
                        else lastAt.Add(index);
                        position++;
                    }
                }
                catch (JsonException error)
                {
                    throw new ReportFormatException("The JSON report is malformed: " + error.Message, 0, null, error);
                }
                buffer.Start += (int)reader.BytesConsumed;
                state = reader.CurrentState;
                if (buffer.IsFinal) return keys;
                buffer.Fill(cancellationToken);
            }
        }

        private static int IndexOf(List<string> keys, string key)
        {
            for (int i = 0; i < keys.Count; i++)
            {
                if (string.Equals(keys[i], key, StringComparison.OrdinalIgnoreCase)) return i;
            }
            return -1;
        }
    }
}
