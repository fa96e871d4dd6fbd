/** Provinces, cities and districts with their backend codes and postcodes: enough to look real on a label. */
export interface SimDistrict {
  code: string;
  name: string;
  postCode: string;
}
export interface SimCity {
  code: string;
  name: string;
  districts: SimDistrict[];
}
export interface SimProvince {
  code: string;
  name: string;
  cities: SimCity[];
}

export const provinces: readonly SimProvince[] = [
  {
    code: 'PR001', name: 'DKI Jakarta', cities: [
      { code: 'C001', name: 'Kota Jakarta Selatan', districts: [
        { code: 'D0001', name: 'Kebayoran Baru', postCode: '12110' },
        { code: 'D0002', name: 'Tebet', postCode: '12810' },
        { code: 'D0003', name: 'Pasar Minggu', postCode: '12520' },
      ] },
      { code: 'C002', name: 'Kota Jakarta Barat', districts: [
        { code: 'D0004', name: 'Grogol Petamburan', postCode: '11450' },
        { code: 'D0005', name: 'Cengkareng', postCode: '11730' },
      ] },
    ],
  },
  {
    code: 'PR002', name: 'Bangka Belitung', cities: [
      { code: 'C011', name: 'Kab. Bangka Barat', districts: [{ code: 'D0060', name: 'Tempilang', postCode: '33365' }] },
      { code: 'C012', name: 'Kota Pangkal Pinang', districts: [{ code: 'D0061', name: 'Bukit Intan', postCode: '33149' }] },
    ],
  },
  {
    code: 'PR003', name: 'Banten', cities: [
      { code: 'C021', name: 'Kota Tangerang', districts: [
        { code: 'D0226', name: 'Ciledug', postCode: '15153' },
        { code: 'D0227', name: 'Karawaci', postCode: '15115' },
      ] },
      { code: 'C022', name: 'Kota Serang', districts: [{ code: 'D0231', name: 'Cipocok Jaya', postCode: '42121' }] },
    ],
  },
  {
    code: 'PR009', name: 'Jawa Barat', cities: [
      { code: 'C072', name: 'Kab. Karawang', districts: [
        { code: 'D0722', name: 'Tirtamulya', postCode: '41372' },
        { code: 'D0723', name: 'Telukjambe Timur', postCode: '41361' },
      ] },
      { code: 'C073', name: 'Kota Bandung', districts: [
        { code: 'D0731', name: 'Coblong', postCode: '40132' },
        { code: 'D0732', name: 'Sukajadi', postCode: '40162' },
      ] },
      { code: 'C074', name: 'Kab. Tasikmalaya', districts: [{ code: 'D0741', name: 'Singaparna', postCode: '46412' }] },
    ],
  },
  {
    code: 'PR010', name: 'Jawa Tengah', cities: [
      { code: 'C081', name: 'Kota Semarang', districts: [
        { code: 'D0811', name: 'Tembalang', postCode: '50275' },
        { code: 'D0812', name: 'Banyumanik', postCode: '50264' },
      ] },
      { code: 'C082', name: 'Kota Surakarta', districts: [{ code: 'D0821', name: 'Laweyan', postCode: '57148' }] },
    ],
  },
  {
    code: 'PR011', name: 'DI Yogyakarta', cities: [
      { code: 'C091', name: 'Kab. Sleman', districts: [
        { code: 'D0911', name: 'Depok', postCode: '55281' },
        { code: 'D0912', name: 'Ngaglik', postCode: '55581' },
      ] },
    ],
  },
  {
    code: 'PR012', name: 'Jawa Timur', cities: [
      { code: 'C101', name: 'Kota Surabaya', districts: [
        { code: 'D1011', name: 'Gubeng', postCode: '60281' },
        { code: 'D1012', name: 'Rungkut', postCode: '60293' },
      ] },
      { code: 'C102', name: 'Kota Malang', districts: [{ code: 'D1021', name: 'Lowokwaru', postCode: '65141' }] },
    ],
  },
  {
    code: 'PR017', name: 'Bali', cities: [
      { code: 'C171', name: 'Kota Denpasar', districts: [{ code: 'D1711', name: 'Denpasar Selatan', postCode: '80222' }] },
      { code: 'C172', name: 'Kab. Badung', districts: [{ code: 'D1721', name: 'Kuta', postCode: '80361' }] },
    ],
  },
  {
    code: 'PR021', name: 'Sumatera Utara', cities: [
      { code: 'C211', name: 'Kota Medan', districts: [
        { code: 'D2111', name: 'Medan Baru', postCode: '20153' },
        { code: 'D2112', name: 'Medan Tembung', postCode: '20223' },
      ] },
    ],
  },
  {
    code: 'PR027', name: 'Sulawesi Selatan', cities: [
      { code: 'C271', name: 'Kota Makassar', districts: [{ code: 'D2711', name: 'Panakkukang', postCode: '90231' }] },
    ],
  },
  {
    code: 'PR031', name: 'Kalimantan Timur', cities: [
      { code: 'C311', name: 'Kota Balikpapan', districts: [{ code: 'D3111', name: 'Balikpapan Selatan', postCode: '76114' }] },
    ],
  },
  {
    code: 'PR034', name: 'Papua', cities: [
      { code: 'C341', name: 'Kota Jayapura', districts: [{ code: 'D3411', name: 'Abepura', postCode: '99351' }] },
    ],
  },
];

export const streets: readonly string[] = [
  'Jl. Raya Barat', 'Jl. Merdeka', 'Jl. Sudirman', 'Jl. Gatot Subroto', 'Jl. Diponegoro', 'Jl. Ahmad Yani',
  'Jl. Pahlawan', 'Jl. Kenanga', 'Jl. Melati Indah', 'Perum Mahkota Simprug, Jl. Mahkota V', 'Gg. Masjid',
  'Jl. Cempaka Putih Tengah', 'Komplek Griya Asri', 'Jl. Teuku Umar', 'Jl. Imam Bonjol',
];
