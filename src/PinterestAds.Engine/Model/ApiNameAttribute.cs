using System;

namespace PinterestAds
{
    /// <summary>
    /// The API's spelling of an enum member when it is not the member name in UPPER_SNAKE_CASE
    /// (for example <c>APPTYPE</c> for <c>AppType</c>).
    /// </summary>
    [AttributeUsage(AttributeTargets.Field)]
    public sealed class ApiNameAttribute : Attribute
    {
        public ApiNameAttribute(string name) => Name = name;

        public string Name { get; }
    }
}
