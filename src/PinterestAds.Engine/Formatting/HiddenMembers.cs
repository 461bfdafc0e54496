using System;
using System.Reflection;
using System.Reflection.Emit;
using System.Threading;

namespace PinterestAds.Engine.Formatting
{
    /// <summary>
    /// The host's "hidden member" attribute (PowerShell's HiddenAttribute; the engine knows nothing of
    /// PowerShell), which generated row types (<see cref="Rows.RowTypeFactory"/>) and entity host types
    /// (<see cref="HostTypes"/>) put on the dictionary interface members they shadow, so a host that lists
    /// interface properties as members shows only the columns. Set once, by the host's load path
    /// (the module's <c>ModuleHost.Initialise</c> on import), before any row type exists; without it
    /// (the engine's own tests) nothing is hidden.
    /// </summary>
    public static class HiddenMembers
    {
        private static readonly object Gate = new();
        private static Type? _attributeType;
        private static CustomAttributeBuilder? _attribute;
        private static int _rowTypesGenerated;

        /// <summary>
        /// Names the host's hidden-member attribute (a public parameterless constructor). Idempotent: the same
        /// attribute again is a no-op (every runspace importing the module calls it). Another attribute, or a
        /// first call after row types were generated without one, is refused: every generated type of a
        /// process must hide the same way.
        /// </summary>
        public static void Initialise(Type attributeType)
        {
            if (attributeType is null) throw new ArgumentNullException(nameof(attributeType));
            lock (Gate)
            {
                if (_attributeType == attributeType) return;
                if (_attributeType != null)
                    throw new InvalidOperationException($"The hidden-member attribute is already {_attributeType.FullName}; it cannot become {attributeType.FullName}.");
                if (Volatile.Read(ref _rowTypesGenerated) != 0)
                    throw new InvalidOperationException("Row types were generated before the host named its hidden-member attribute; initialise the host first.");
                ConstructorInfo constructor = attributeType.GetConstructor(Type.EmptyTypes)
                    ?? throw new ArgumentException($"{attributeType.FullName} has no public parameterless constructor.", nameof(attributeType));
                _attribute = new CustomAttributeBuilder(constructor, Array.Empty<object>());
                _attributeType = attributeType;
            }
        }

        /// <summary>The attribute to put on hidden members, or null when the host named none.</summary>
        internal static CustomAttributeBuilder? Attribute
        {
            get
            {
                lock (Gate) return _attribute;
            }
        }

        /// <summary>The attribute a row type about to be generated uses; from then on it cannot change.</summary>
        internal static CustomAttributeBuilder? ForNewRowType()
        {
            lock (Gate)
            {
                _rowTypesGenerated = 1;
                return _attribute;
            }
        }
    }
}
