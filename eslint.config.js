import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";

export default tseslint.config(
  { ignores: ["build*/", ".react-router/", "node_modules/", "data/", "bench/results/", "coverage/"] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/switch-exhaustiveness-check": "error",
      "@typescript-eslint/only-throw-error": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-non-null-assertion": "off",
      // Loaders and actions are async by contract, whether or not they await.
      "@typescript-eslint/require-await": "off",
    },
  },
  {
    // Layers: routes may import domain, domain may import db; nothing imports routes,
    // and the domain knows nothing of HTTP or React Router.
    files: ["app/domain/**", "app/db/**", "app/auth/**", "app/documents/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["~/routes/*", "**/routes/*"], message: "The domain never imports routes." },
            {
              group: ["react-router", "@react-router/*"],
              message: "The domain knows nothing of React Router.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["app/components/**", "app/domain/**", "app/lib/**", "cli/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["~/routes/*", "**/routes/*"], message: "Nothing imports route modules." }] },
      ],
    },
  },
  {
    files: ["**/*.js", "**/*.mjs"],
    ...tseslint.configs.disableTypeChecked,
  },
);
