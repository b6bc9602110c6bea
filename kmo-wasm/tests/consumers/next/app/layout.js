export const metadata = { title: 'kmo-portefeuille in Next.js' };

export default function RootLayout({ children }) {
  return (
    <html lang="nl">
      <body>{children}</body>
    </html>
  );
}
