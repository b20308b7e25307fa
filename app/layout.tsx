import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Hiring Risk Screen", template: "%s · Hiring Risk Screen" },
  description: "Decision support for spotting identity fraud by remote IT workers in the hiring pipeline.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
