using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Reflection.Emit;

namespace PinterestAds.Engine.Formatting
{
    /// <summary>
    /// Makes the entity objects a host emits hide what is not theirs to show. PowerShell lists the
    /// properties of public interfaces as members, so an <see cref="ExportableObject"/> would show
    /// Keys, Values, Count, IsReadOnly... beside its own properties. Once the host named its
    /// "hidden member" attribute (<see cref="HiddenMembers"/>; PowerShell's HiddenAttribute, the
    /// engine knows nothing of PowerShell), <see cref="ForHost{T}"/> returns a copy of the object
    /// as an instance of a generated subclass that shadows those properties, and the raw
    /// <c>Fields</c> dictionary, with hidden ones (still readable: <c>$campaign.Fields</c>).
    /// </summary>
    /// <remarks>
    /// The subclass adds no state: the copy gets every field of the original, without running a
    /// constructor. Its <c>Count</c> is 1, PowerShell's count of one object. Format views and
    /// <c>-is</c> see the original type (the subclass derives from it).
    /// </remarks>
    public static class HostTypes
    {
        /// <summary>The interface properties each subclass shadows.</summary>
        internal static readonly string[] ShadowedNames = new[] { typeof(IDictionary), typeof(ICollection) }
            .SelectMany(i => i.GetProperties())
            .Where(p => p.GetIndexParameters().Length == 0)
            .Select(p => p.Name)
            .Distinct()
            .ToArray();

        private static readonly ConcurrentDictionary<Type, Func<object, object>> Copiers = new();
        private static readonly object EmitLock = new();
        private static readonly Lazy<ModuleBuilder> Module = new(() =>
            AssemblyBuilder.DefineDynamicAssembly(new AssemblyName("PinterestAds.GeneratedEntities"), AssemblyBuilderAccess.Run)
                .DefineDynamicModule("PinterestAds.GeneratedEntities"));

        /// <summary>
        /// The object as the host should see it: a hiding copy for an <see cref="ExportableObject"/>
        /// of a non-sealed type once the host named its attribute (<see cref="HiddenMembers"/>), else the object itself.
        /// </summary>
        public static T ForHost<T>(T item) where T : class
        {
            if (HiddenMembers.Attribute is null || item is not ExportableObject || item.GetType().IsSealed || item.GetType().Assembly.IsDynamic) return item;
            return (T)Copiers.GetOrAdd(item.GetType(), CreateCopier)(item);
        }

        private static Func<object, object> CreateCopier(Type type)
        {
            Type subclass;
            lock (EmitLock) subclass = Emit(type, HiddenMembers.Attribute!);
            FieldInfo[] fields = AllInstanceFields(type);
            return original =>
            {
                object copy = System.Runtime.Serialization.FormatterServices.GetUninitializedObject(subclass);
                foreach (FieldInfo field in fields) field.SetValue(copy, field.GetValue(original));
                return copy;
            };
        }

        private static FieldInfo[] AllInstanceFields(Type type)
        {
            var fields = new List<FieldInfo>();
            for (Type? t = type; t is not null && t != typeof(object); t = t.BaseType)
            {
                fields.AddRange(t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly));
            }
            return fields.ToArray();
        }

        private static Type Emit(Type baseType, CustomAttributeBuilder hidden)
        {
            // The same full name as the base type (legal in another assembly), so that Get-Member and
            // PSTypeNames[0] show the documented name (PinterestAds.PinCampaign), not a generated one.
            TypeBuilder type = Module.Value.DefineType(
                baseType.FullName!,
                TypeAttributes.Public | TypeAttributes.Sealed | TypeAttributes.Class,
                baseType);
            // Never run: instances come from GetUninitializedObject. TypeBuilder needs a constructor,
            // and the base types have none a subclass in another assembly may call.
            ILGenerator ctor = type.DefineConstructor(MethodAttributes.Private, CallingConventions.Standard, Type.EmptyTypes).GetILGenerator();
            ctor.Emit(OpCodes.Ldarg_0);
            ctor.Emit(OpCodes.Call, typeof(object).GetConstructor(Type.EmptyTypes)!);
            ctor.Emit(OpCodes.Ret);

            var ownNames = new HashSet<string>(
                baseType.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name), StringComparer.OrdinalIgnoreCase);
            foreach (PropertyInfo shadowed in new[] { typeof(IDictionary), typeof(ICollection) }.SelectMany(i => i.GetProperties())
                         .Where(p => p.GetIndexParameters().Length == 0 && !ownNames.Contains(p.Name)))
            {
                DefineHiddenProperty(type, hidden, shadowed.Name, shadowed.PropertyType, il =>
                {
                    if (shadowed.Name == nameof(ICollection.Count))
                    {
                        il.Emit(OpCodes.Ldc_I4_1);
                    }
                    else
                    {
                        il.Emit(OpCodes.Ldarg_0);
                        il.Emit(OpCodes.Callvirt, shadowed.GetGetMethod()!);
                    }
                });
            }
            // Dictionary-valued properties (Fields): still readable by name, no longer listed.
            foreach (PropertyInfo raw in baseType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                         .Where(p => p.GetIndexParameters().Length == 0 && p.GetGetMethod() is not null && IsDictionary(p.PropertyType)))
            {
                DefineHiddenProperty(type, hidden, raw.Name, raw.PropertyType, il =>
                {
                    il.Emit(OpCodes.Ldarg_0);
                    il.Emit(OpCodes.Call, raw.GetGetMethod()!);
                });
            }
            return type.CreateTypeInfo()!.AsType();
        }

        private static void DefineHiddenProperty(TypeBuilder type, CustomAttributeBuilder hidden, string name, Type propertyType, Action<ILGenerator> body)
        {
            PropertyBuilder property = type.DefineProperty(name, PropertyAttributes.None, propertyType, Type.EmptyTypes);
            property.SetCustomAttribute(hidden);
            MethodBuilder getter = type.DefineMethod("get_" + name,
                MethodAttributes.Public | MethodAttributes.SpecialName | MethodAttributes.HideBySig, propertyType, Type.EmptyTypes);
            getter.SetCustomAttribute(hidden);
            ILGenerator il = getter.GetILGenerator();
            body(il);
            il.Emit(OpCodes.Ret);
            property.SetGetMethod(getter);
        }

        internal static bool IsDictionary(Type type) =>
            typeof(IDictionary).IsAssignableFrom(type)
            || type.GetInterfaces().Concat(new[] { type }).Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>));
    }
}
