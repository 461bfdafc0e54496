using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text;

namespace PinterestAds
{
    /// <summary>
    /// Converts between the module's PowerShell-style enum names (<c>TimeOfConversion</c>) and the API's
    /// spelling (<c>TIME_OF_CONVERSION</c>). Parsing accepts either, case-insensitively.
    /// </summary>
    public static class ApiNames
    {
        private static readonly ConcurrentDictionary<Type, EnumNames> Cache = new ConcurrentDictionary<Type, EnumNames>();

        /// <summary>The API's spelling of an enum value.</summary>
        public static string ToApi(Enum value) => Names(value.GetType()).ToApi[Convert.ToInt64(value)];

        public static string ToApi<T>(T value) where T : struct, Enum => ToApi((Enum)(object)value);

        /// <summary>Parses either spelling; returns false for anything else.</summary>
        public static bool TryParse(Type enumType, string? text, out object? value)
        {
            value = null;
            if (string.IsNullOrWhiteSpace(text)) return false;
            return Names(enumType).ByKey.TryGetValue(MatchKey(text!), out value);
        }

        public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
        {
            bool ok = TryParse(typeof(T), text, out var boxed);
            value = ok ? (T)boxed! : default;
            return ok;
        }

        /// <summary>Every value's PowerShell name, for messages and completion.</summary>
        public static IReadOnlyList<string> PowerShellNames(Type enumType) => Enum.GetNames(enumType);

        /// <summary>
        /// The key two spellings of one name share: upper-cased, without underscores, hyphens and spaces, so
        /// AD_GROUP, AdGroup and adgroup compare equal. Enum parsing and catalogue values both match on it.
        /// </summary>
        internal static string MatchKey(string text)
        {
            var builder = new StringBuilder(text.Length);
            foreach (char c in text.Trim())
                if (c != '_' && c != '-' && c != ' ') builder.Append(char.ToUpperInvariant(c));
            return builder.ToString();
        }

        private static string ToUpperSnake(string pascal)
        {
            var builder = new StringBuilder(pascal.Length + 8);
            for (int i = 0; i < pascal.Length; i++)
            {
                char c = pascal[i];
                bool boundary = i > 0 && char.IsUpper(c) && (char.IsLower(pascal[i - 1]) || char.IsDigit(pascal[i - 1])
                    || (i + 1 < pascal.Length && char.IsLower(pascal[i + 1]) && char.IsUpper(pascal[i - 1])));
                if (boundary) builder.Append('_');
                builder.Append(char.ToUpperInvariant(c));
            }
            return builder.ToString();
        }

        private static EnumNames Names(Type enumType) => Cache.GetOrAdd(enumType, t =>
        {
            var toApi = new Dictionary<long, string>();
            var byKey = new Dictionary<string, object>(StringComparer.Ordinal);
            foreach (var field in t.GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                object value = field.GetValue(null)!;
                string api = field.GetCustomAttribute<ApiNameAttribute>()?.Name ?? ToUpperSnake(field.Name);
                toApi[Convert.ToInt64(value)] = api;
                byKey[MatchKey(api)] = value;
                byKey[MatchKey(field.Name)] = value;
                foreach (var alias in field.GetCustomAttributes<ApiAliasAttribute>())
                    if (!byKey.ContainsKey(MatchKey(alias.Name))) byKey[MatchKey(alias.Name)] = value;
            }
            return new EnumNames(toApi, byKey);
        });

        private sealed class EnumNames
        {
            public EnumNames(Dictionary<long, string> toApi, Dictionary<string, object> byKey)
            {
                ToApi = toApi;
                ByKey = byKey;
            }

            public Dictionary<long, string> ToApi { get; }
            public Dictionary<string, object> ByKey { get; }
        }
    }
}
