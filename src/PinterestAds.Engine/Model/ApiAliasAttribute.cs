using System;

namespace PinterestAds
{
    /// <summary>
    /// Another spelling that parses to this enum member (the async report level <c>PIN_PROMOTION</c>
    /// for <see cref="AnalyticsLevel.Ad"/>). Aliases are accepted on input only; output uses the
    /// member's own API name.
    /// </summary>
    [AttributeUsage(AttributeTargets.Field, AllowMultiple = true)]
    public sealed class ApiAliasAttribute : Attribute
    {
        public ApiAliasAttribute(string name) => Name = name;

        public string Name { get; }
    }
}
