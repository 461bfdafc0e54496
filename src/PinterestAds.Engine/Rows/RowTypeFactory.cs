using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Reflection.Emit;
using System.Threading;

namespace PinterestAds.Engine.Rows
{
    /// <summary>
    /// Generates (with <see cref="System.Reflection.Emit"/>) and caches one CLR class per
    /// (base type, schema): public get-only properties in schema order, backed by fields that an
    /// emitted factory fills from a value array, so creating a row costs one delegate call and
    /// no reflection. The class also implements <see cref="PinRow"/>'s dictionary view (the
    /// schema and a switch over the fields) and, when the host named its hidden-member attribute,
    /// hides the interface properties of that view (see <see cref="Formatting.HiddenMembers"/>).
    /// </summary>
    /// <remarks>
    /// Why real classes: PowerShell emits and exports instances of CLR classes about twice as
    /// fast as Import-Csv, while a PSObject with note properties per row is slower than
    /// Import-Csv. The generated types live in one non-collectible dynamic assembly; there is
    /// one type per distinct column set, which a session produces only a handful of.
    /// </remarks>
    public static class RowTypeFactory
    {
        private const string AssemblyName = "PinterestAds.GeneratedRows";

        private static readonly ConcurrentDictionary<string, object> Cache = new(StringComparer.Ordinal);
        private static readonly object EmitLock = new();
        private static readonly Lazy<ModuleBuilder> Module = new(CreateModule, LazyThreadSafetyMode.ExecutionAndPublication);
        private static int _typeCounter;

        /// <summary>
        /// The activator for rows of <paramref name="schema"/> deriving from
        /// <typeparamref name="TBase"/>, generating the type on first use.
        /// </summary>
        /// <typeparam name="TBase">A public abstract row base class deriving from
        /// <see cref="PinRow"/>, with a protected parameterless constructor and no public
        /// properties: <see cref="AnalyticsRow"/> or <see cref="ReportRow"/>.</typeparam>
        public static RowActivator<TBase> For<TBase>(RowSchema schema) where TBase : PinRow
        {
            if (schema is null) throw new ArgumentNullException(nameof(schema));
            string key = typeof(TBase).FullName + "\u0002" + schema.Key;
            if (Cache.TryGetValue(key, out object? cached)) return Rebind((RowActivator<TBase>)cached, schema);

            lock (EmitLock)
            {
                if (!Cache.TryGetValue(key, out cached))
                {
                    cached = Emit<TBase>(schema);
                    Cache[key] = cached;
                }
            }
            return Rebind((RowActivator<TBase>)cached, schema);
        }

        // Schemas with the same names and property types share a type, but keep the caller's
        // column kinds (they drive parsing), so hand back an activator carrying its schema.
        private static RowActivator<TBase> Rebind<TBase>(RowActivator<TBase> cached, RowSchema schema) where TBase : PinRow =>
            ReferenceEquals(cached.Schema, schema) ? cached : cached.WithSchema(schema);

        private static RowActivator<TBase> Emit<TBase>(RowSchema schema) where TBase : PinRow
        {
            Type baseType = typeof(TBase);
            ConstructorInfo baseConstructor = baseType.GetConstructor(
                BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public, null, Type.EmptyTypes, null)
                ?? throw new InvalidOperationException($"{baseType.FullName} needs a parameterless constructor to be a row base type.");

            int number = Interlocked.Increment(ref _typeCounter);
            TypeBuilder type = Module.Value.DefineType(
                $"PinterestAds.Generated.{baseType.Name}{number}",
                TypeAttributes.Public | TypeAttributes.Sealed | TypeAttributes.Class | TypeAttributes.BeforeFieldInit,
                baseType);

            var fields = new FieldBuilder[schema.Count];
            for (int i = 0; i < schema.Count; i++)
            {
                RowColumn column = schema.Columns[i];
                fields[i] = type.DefineField("_" + i, column.PropertyType, FieldAttributes.Private | FieldAttributes.InitOnly);
            }

            ConstructorBuilder constructor = EmitConstructor(type, baseConstructor, schema, fields);

            // Properties are defined in schema order; reflection (and so PowerShell) lists
            // properties in metadata order, which is definition order.
            for (int i = 0; i < schema.Count; i++)
            {
                EmitProperty(type, schema.Columns[i], fields[i]);
            }

            FieldBuilder schemaField = type.DefineField(
                "RowSchema", typeof(RowSchema), FieldAttributes.Private | FieldAttributes.Static);
            EmitDictionaryView(type, schemaField, fields);
            CustomAttributeBuilder? hiddenMember = Formatting.HiddenMembers.ForNewRowType();
            if (hiddenMember is not null) EmitHiddenInterfaceShadows(type, schema, hiddenMember);

            MethodBuilder factory = type.DefineMethod(
                "CreateRow", MethodAttributes.Private | MethodAttributes.Static | MethodAttributes.HideBySig,
                baseType, new[] { typeof(object[]) });
            ILGenerator il = factory.GetILGenerator();
            il.Emit(OpCodes.Ldarg_0);
            il.Emit(OpCodes.Newobj, constructor);
            il.Emit(OpCodes.Ret);

            Type rowType = type.CreateTypeInfo()!.AsType();
            rowType.GetField("RowSchema", BindingFlags.NonPublic | BindingFlags.Static)!.SetValue(null, schema);
            MethodInfo createMethod = rowType.GetMethod("CreateRow", BindingFlags.NonPublic | BindingFlags.Static)!;
            var create = (Func<object?[], TBase>)createMethod.CreateDelegate(typeof(Func<object?[], TBase>));
            return new RowActivator<TBase>(schema, rowType, create);
        }

        private static ConstructorBuilder EmitConstructor(
            TypeBuilder type, ConstructorInfo baseConstructor, RowSchema schema, FieldBuilder[] fields)
        {
            ConstructorBuilder constructor = type.DefineConstructor(
                MethodAttributes.Private | MethodAttributes.HideBySig | MethodAttributes.SpecialName | MethodAttributes.RTSpecialName,
                CallingConventions.Standard, new[] { typeof(object[]) });
            ILGenerator il = constructor.GetILGenerator();
            il.Emit(OpCodes.Ldarg_0);
            il.Emit(OpCodes.Call, baseConstructor);
            for (int i = 0; i < fields.Length; i++)
            {
                il.Emit(OpCodes.Ldarg_0);
                il.Emit(OpCodes.Ldarg_1);
                il.Emit(OpCodes.Ldc_I4, i);
                il.Emit(OpCodes.Ldelem_Ref);
                if (schema.Columns[i].PropertyType != typeof(object))
                {
                    il.Emit(OpCodes.Castclass, schema.Columns[i].PropertyType);
                }
                il.Emit(OpCodes.Stfld, fields[i]);
            }
            il.Emit(OpCodes.Ret);
            return constructor;
        }

        private static void EmitProperty(TypeBuilder type, RowColumn column, FieldBuilder field)
        {
            PropertyBuilder property = type.DefineProperty(column.Name, PropertyAttributes.None, column.PropertyType, Type.EmptyTypes);
            MethodBuilder getter = type.DefineMethod(
                "get_" + column.Name,
                MethodAttributes.Public | MethodAttributes.SpecialName | MethodAttributes.HideBySig,
                column.PropertyType, Type.EmptyTypes);
            ILGenerator il = getter.GetILGenerator();
            il.Emit(OpCodes.Ldarg_0);
            il.Emit(OpCodes.Ldfld, field);
            il.Emit(OpCodes.Ret);
            property.SetGetMethod(getter);
        }

        // PinRow's abstract members: the schema (a static field, set once the type exists) and
        // GetColumnValue(ordinal), a jump table over the fields.
        private static void EmitDictionaryView(TypeBuilder type, FieldBuilder schemaField, FieldBuilder[] fields)
        {
            const MethodAttributes Override = MethodAttributes.Family | MethodAttributes.Virtual | MethodAttributes.HideBySig;

            MethodBuilder columns = type.DefineMethod("get_RowColumns", Override | MethodAttributes.SpecialName, typeof(RowSchema), Type.EmptyTypes);
            ILGenerator il = columns.GetILGenerator();
            il.Emit(OpCodes.Ldsfld, schemaField);
            il.Emit(OpCodes.Ret);
            type.DefineMethodOverride(columns, typeof(PinRow).GetProperty("RowColumns", BindingFlags.Instance | BindingFlags.NonPublic)!.GetGetMethod(true)!);

            MethodBuilder getValue = type.DefineMethod("GetColumnValue", Override, typeof(object), new[] { typeof(int) });
            il = getValue.GetILGenerator();
            Label[] cases = fields.Select(_ => il.DefineLabel()).ToArray();
            il.Emit(OpCodes.Ldarg_1);
            il.Emit(OpCodes.Switch, cases);
            il.Emit(OpCodes.Ldnull);
            il.Emit(OpCodes.Ret);
            for (int i = 0; i < fields.Length; i++)
            {
                // Every field is a reference type (string or object): no boxing.
                il.MarkLabel(cases[i]);
                il.Emit(OpCodes.Ldarg_0);
                il.Emit(OpCodes.Ldfld, fields[i]);
                il.Emit(OpCodes.Ret);
            }
            type.DefineMethodOverride(getValue, typeof(PinRow).GetMethod("GetColumnValue", BindingFlags.Instance | BindingFlags.NonPublic)!);
        }

        // One hidden public property per public property of the dictionary interfaces, found first
        // by reflection over the class, so the interface's own property is never listed. Each
        // returns what the interface returns, except Count: 1, PowerShell's count of one object.
        private static void EmitHiddenInterfaceShadows(TypeBuilder type, RowSchema schema, CustomAttributeBuilder hidden)
        {
            // A column of the same name (ignoring case, as PowerShell does) already shadows it.
            IEnumerable<PropertyInfo> interfaceProperties = new[] { typeof(IDictionary), typeof(ICollection) }
                .SelectMany(i => i.GetProperties())
                .Where(p => p.GetIndexParameters().Length == 0 && schema.IndexOf(p.Name) < 0);
            foreach (PropertyInfo shadowed in interfaceProperties)
            {
                PropertyBuilder property = type.DefineProperty(shadowed.Name, PropertyAttributes.None, shadowed.PropertyType, Type.EmptyTypes);
                property.SetCustomAttribute(hidden);
                MethodBuilder getter = type.DefineMethod(
                    "get_" + shadowed.Name,
                    MethodAttributes.Public | MethodAttributes.SpecialName | MethodAttributes.HideBySig,
                    shadowed.PropertyType, Type.EmptyTypes);
                getter.SetCustomAttribute(hidden);
                ILGenerator il = getter.GetILGenerator();
                if (shadowed.Name == nameof(ICollection.Count))
                {
                    il.Emit(OpCodes.Ldc_I4_1);
                }
                else
                {
                    il.Emit(OpCodes.Ldarg_0);
                    il.Emit(OpCodes.Callvirt, shadowed.GetGetMethod()!);
                }
                il.Emit(OpCodes.Ret);
                property.SetGetMethod(getter);
            }
        }

        private static ModuleBuilder CreateModule()
        {
            AssemblyBuilder assembly = AssemblyBuilder.DefineDynamicAssembly(
                new AssemblyName(AssemblyName), AssemblyBuilderAccess.Run);
            return assembly.DefineDynamicModule(AssemblyName);
        }
    }
}
