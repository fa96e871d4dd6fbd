/** Names, shops and products for seeded orders: Indonesian, some with accents and odd spacing. */
export const firstNames: readonly string[] = [
  'Luthfi', 'Deasy', 'Budi', 'Siti', 'Agus', 'Dewi', 'Rizky', 'Putri', 'Andi', 'Nurul', 'Wahyu', 'Ayu',
  'Fajar', 'Indah', 'Hendra', 'Ratna', 'Yohanes', 'Made', 'Ketut', 'Nyoman', 'Désirée', 'Zoë', 'Bambang',
  'Sri', 'Teguh', 'Lestari', 'Ikhsan', 'Maria', 'Stéfanus', 'Cahya',
];

export const lastNames: readonly string[] = [
  'Santoso', 'Wijaya', 'Hidayat', 'Saputra', 'Pratama', 'Kusuma', 'Nugroho', 'Siregar', 'Nasution',
  'Simanjuntak', 'Halim', 'Gunawan', 'Setiawan', 'Lubis', 'Sitompul', 'Prasetyo', 'Hartono', 'Raharjo',
];

/** Sellers: the sender on the label and the shop the order came through. */
export const sellers: readonly { senderName: string; senderPhone: string; shops: { id: string; name: string }[] }[] = [
  {
    senderName: 'ALTHACELL.COM',
    senderPhone: '628382888888',
    shops: [
      { id: '02badb7c-a3ff-4e64-97f7-a3b82044dd83', name: 'ALTHASHOP' },
      { id: '4a8d1e2f-6b3c-4d7e-9f10-2b3c4d5e6f70', name: 'Shopee Althacell' },
    ],
  },
  {
    senderName: 'Hoolo',
    senderPhone: '6285375777777',
    shops: [{ id: '13d15650-d87a-4fa3-9fd3-19435a73c752', name: 'Tokopedia Hoolo' }],
  },
  {
    senderName: 'Cesing Hoki',
    senderPhone: '6282389877777',
    shops: [{ id: '06d48eba-b46c-439f-b82a-212456a97f2f', name: 'CESING HOKI' }],
  },
];

export const products: readonly { id: string; name: string; price: number }[] = [
  { id: '01768bec-0bfe-4a40-97c5-48ecfc93d5ca', name: 'Silicone Cover Iphone XR Pink (Phone Case)', price: 70000 },
  { id: '0209640b-5767-4a39-9511-3c62ac15fb94', name: 'Silicone Cover Samsung Note 10 plus Pink (Phone Case)', price: 30000 },
  { id: '02ca87fa-069a-473f-88f9-daf04407398d', name: 'Silicone Cover Samsung S9 Abu-abu (Phone Case)', price: 10000 },
  { id: '12e8b75c-f903-49bc-8ce1-d6031b7a2ca3', name: 'DOUBLE GLASS Magnetic Samsung S10 Plus Silver ', price: 105000 },
  { id: '3b9f0c1d-2e4a-4b6c-8d7e-9f0a1b2c3d4e', name: 'Softcase Bening Anti Crack Xiaomi Redmi Note 12', price: 20000 },
  { id: '4c0a1d2e-3f5b-4c7d-9e8f-0a1b2c3d4e5f', name: 'Tempered Glass Oppo A57 Full Cover', price: 15000 },
  { id: '5d1b2e3f-4a6c-4d8e-af90-1b2c3d4e5f60', name: 'Kabel Data USB Type-C Fast Charging 1m', price: 25000 },
  { id: '6e2c3f4a-5b7d-4e9f-b001-2c3d4e5f6071', name: 'Ring Holder Magnetic Hitam', price: 12500 },
  { id: '7f3d4a5b-6c8e-4fa0-8112-3d4e5f607182', name: 'Powerbank 10000mAh Slim Putih', price: 185000 },
  { id: '804e5b6c-7d9f-40b1-9223-4e5f60718293', name: 'Earphone Bluetooth TWS Pro 5 — Édition Noir', price: 149000 },
];

export const adminNotes: readonly string[] = ['', '', '', 'PEMBELI BUTUH CEPAT', 'Bungkus bubble wrap tebal', 'Jangan dibanting', 'Kirim sebelum jam 3'];
export const customerNotes: readonly string[] = ['', '', '', 'Warna HITAM FULL', 'Tolong cek sebelum kirim ya kak', 'Titip di pos satpam'];
