// Command-line arguments, as the Prisma CLI passes them to the native schema engine:
//   --datamodels PATH (once per schema file)  --datasource JSON  --enabled-preview-features A,B
//   --extension-types JSON   cli <can-connect-to-database|create-database|drop-database>   --version

const WITH_VALUE = new Set(["--datamodels", "--datasource", "--enabled-preview-features", "--extension-types"]);

export function parseArgs(argv) {
  const args = { datamodels: [], datasource: {}, previewFeatures: [], cliCommand: undefined, version: false };
  for (let i = 0; i < argv.length; i++) {
    let arg = argv[i];
    let value;
    // Accept both `--flag value` and `--flag=value`.
    const eq = arg.indexOf("=");
    if (arg.startsWith("--") && eq > 0) {
      value = arg.slice(eq + 1);
      arg = arg.slice(0, eq);
    } else if (WITH_VALUE.has(arg)) {
      value = argv[++i];
    }
    switch (arg) {
      case "--datamodels":
        args.datamodels.push(value);
        break;
      case "--datasource":
        args.datasource = JSON.parse(value);
        break;
      case "--enabled-preview-features":
        args.previewFeatures = value.split(",").filter(Boolean);
        break;
      case "--extension-types":
        break; // only meaningful with preview extensions, which this project does not use
      case "--version":
      case "-V":
        args.version = true;
        break;
      case "cli":
        args.cliCommand = argv[++i];
        break;
      default:
        throw new Error(`Unknown argument: ${argv[i]}`);
    }
  }
  return args;
}
